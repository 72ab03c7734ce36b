// Part 3 — a hostile webview. Generated messages (wrong types, missing fields, huge strings,
// unknown types, `__proto__`/`constructor` keys, deep nesting, extra fields) are posted to the
// real host-side controller of the Create Custom Image panel (vscode-free; the VS Code adapter
// only forwards `onDidReceiveMessage` to `controller.handle`), wired to the real client and the
// emulator. Every message is JSON (what a webview's postMessage can deliver), sent in concurrent
// bursts. Counted: crashes (a rejected handle(), an uncaught error), API calls (the emulator's
// request log), and log lines (each invalid message must be logged exactly once).
import { loadRegion } from '../../src/core/regionLoader';
import type { SwasApi } from '../../src/core/swasApi';
import { CreateImageController } from '../../src/panels/createImageController';
import { memoryDraftStore } from '../../src/panels/createImageDeps';
import type { HostMessage } from '../../src/protocol/createImageMessages';
import { makeClient } from './createCampaign';
import { campaignDeps, recordingUi } from './formSubmission';
import { errorText, recordingLogger, startLab } from './lab';
import { pick, rng } from './random';

export interface HostileWebviewResult {
  messages: number;
  /** Messages the protocol must refuse (and log once each). */
  invalid: number;
  /** Well-formed submits whose draft breaks the rules (answered with field errors, no call). */
  ruleInvalid: number;
  crashes: number;
  apiCalls: number;
  ignoredLogLines: number;
  errorLogLines: number;
  prototypePolluted: boolean;
  /** A valid submit afterwards makes exactly this many CreateCustomImage calls (must be 1). */
  controlCalls: number;
  seconds: number;
  /** Everything the host posted to the webview (for the secret scan). */
  postsText: string;
  logText: string;
  crashSamples: string[];
}

const HUGE = 'A'.repeat(2 * 1024 * 1024);
const KEYS = ['imageName', 'systemSnapshotId', 'dataSnapshotId', 'description', 'resourceGroupId', 'tags'] as const;
const WEIRD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  true,
  false,
  [],
  {},
  [1, 2],
  { a: 1 },
  '',
  HUGE,
  'x'.repeat(4097),
  '\u0000',
  '\ud800',
  '<script>alert(1)</script>',
];
const UNKNOWN_TYPES = [
  'submitt',
  'SUBMIT',
  'Submit',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'response',
  'init',
  'eval',
  '',
  ' ',
  'ready ',
  HUGE.slice(0, 100_000),
];

function validDraft(r: () => number): Record<string, unknown> {
  return {
    imageName: `img-${Math.floor(r() * 1e6)}`,
    systemSnapshotId: 's-1',
    dataSnapshotId: '',
    description: '',
    resourceGroupId: '',
    tags: [{ key: 'k', value: 'v' }],
  };
}

/** One protocol-invalid message, as JSON text (so `__proto__` stays an own key, as after postMessage). */
export function invalidMessage(r: () => number): string {
  const kind = Math.floor(r() * 12);
  const draft = validDraft(r);
  switch (kind) {
    case 0: // not an object
      return JSON.stringify(pick(r, [null, 0, 'ready', true, [], [{ type: 'ready' }], HUGE.slice(0, 1000)]));
    case 1: // type missing or not a string
      return JSON.stringify({
        ...(r() < 0.5
          ? {}
          : {
              type: pick(
                r,
                WEIRD_VALUES.filter((v) => typeof v !== 'string'),
              ),
            }),
        draft,
      });
    case 2: // unknown type
      return JSON.stringify({ type: pick(r, UNKNOWN_TYPES), draft });
    case 3: // known fire-and-forget type with extra fields
      return JSON.stringify({
        type: pick(r, ['ready', 'retry', 'cancel', 'createSnapshot']),
        [pick(r, ['x', 'draft', 'id', 'then'])]: pick(r, WEIRD_VALUES),
      });
    case 4: {
      // draft field missing
      const d = { ...draft };
      delete d[pick(r, KEYS)];
      return JSON.stringify({ type: pick(r, ['submit', 'copyCli', 'draftChanged']), draft: d });
    }
    case 5: {
      // draft field of the wrong type or too long
      const key = pick(r, KEYS);
      const value =
        key === 'tags'
          ? pick(r, [
              null,
              'k=v',
              {},
              [null],
              [{ key: 1, value: 'v' }],
              [{ key: 'k' }],
              [{ key: 'k', value: 'v', x: 1 }],
              Array.from({ length: 101 }, () => ({ key: 'k', value: 'v' })),
            ])
          : pick(
              r,
              WEIRD_VALUES.filter((v) => typeof v !== 'string' || v.length > 4096),
            );
      return JSON.stringify({ type: pick(r, ['submit', 'copyCli', 'draftChanged']), draft: { ...draft, [key]: value } });
    }
    case 6: // draft with an extra key, or not an object
      return JSON.stringify({
        type: pick(r, ['submit', 'copyCli', 'draftChanged']),
        draft: r() < 0.5 ? { ...draft, extra: 1 } : pick(r, [null, 'draft', [], 7]),
      });
    case 7: // prototype-pollution keys at the top
      return `{"type":"submit","__proto__":{"polluted":true,"type":"ready"},"draft":${JSON.stringify(draft)}}`;
    case 8: // prototype-pollution keys in the draft or a tag
      return pick(r, [
        `{"type":"submit","draft":{"__proto__":{"polluted":true},${JSON.stringify(draft).slice(1)}}`,
        `{"type":"draftChanged","draft":${JSON.stringify({ ...draft, constructor: { prototype: { polluted: true } } })}}`,
        `{"type":"submit","draft":${JSON.stringify({ ...draft, tags: [JSON.parse('{"__proto__":{"polluted":true},"key":"k","value":"v"}')] })}}`,
        `{"__proto__":{"type":"ready"}}`,
        `{"constructor":{"prototype":{"polluted":true}},"type":"cancel"}`,
      ]);
    case 9: {
      // request with a bad id, kind or params
      const bad = Math.floor(r() * 5);
      const m: Record<string, unknown> = { type: 'request', id: 1, kind: 'checkName', params: { name: 'img-1' } };
      if (bad === 0) m.id = pick(r, [-1, 1.5, '1', null, 2 ** 60, {}]);
      if (bad === 1) m.kind = pick(r, ['checkname', 'createImage', '__proto__', null, 1]);
      if (bad === 2) m.params = pick(r, [null, 'img', [], { name: 1 }, { name: HUGE }, { name: 'x', extra: 1 }]);
      if (bad === 3) delete m[pick(r, ['id', 'kind', 'params'])];
      if (bad === 4) m.extra = true;
      return JSON.stringify(m);
    }
    case 10: // deep nesting
      return `{"type":"submit","draft":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    default: // huge everything
      return JSON.stringify({
        type: 'submit',
        draft: { ...draft, description: HUGE, tags: Array.from({ length: 50 }, () => ({ key: HUGE.slice(0, 5000), value: '' })) },
      });
  }
}

/**
 * A well-formed submit whose draft the rules refuse (no API call may follow): the name always
 * breaks a confirmed rule; the other fields may add advice ('has space' style names, long
 * descriptions), which alone would not stop a submit.
 */
function ruleInvalidMessage(r: () => number, snapshotId: string): string {
  const draft = {
    imageName: pick(r, ['', 'a', '-bad', ' has space', '_ü-name', 'x'.repeat(129)]),
    systemSnapshotId: pick(r, [snapshotId, '', 's-not-this-servers']),
    dataSnapshotId: '',
    description: pick(r, ['', 'https://x', 'd'.repeat(300)]),
    resourceGroupId: pick(r, ['', 'not-a-group']),
    tags: pick(r, [
      [],
      [{ key: '', value: '' }],
      [{ key: 'acs:x', value: 'v' }],
      [{ key: 'k', value: 'http://x' }],
      [
        { key: 'k', value: '1' },
        { key: 'k', value: '2' },
      ],
    ]),
  };
  return JSON.stringify({ type: 'submit', draft });
}

export async function runHostileWebview(opts: {
  messages: number;
  ruleInvalidShare?: number;
  burst?: number;
  seed?: number;
}): Promise<HostileWebviewResult> {
  const lab = await startLab({ seed: 'demo', imageSeconds: 0 });
  const crashSamples: string[] = [];
  const onCrash = (e: unknown): void => void crashSamples.push(`uncaught: ${errorText(e).slice(0, 300)}`);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const started = Date.now();
  try {
    const logger = recordingLogger();
    const api: SwasApi = makeClient(lab, logger, 3000);
    const data = await loadRegion(api, 'cn-hangzhou', { fresh: true });
    const server = data.instances.find(
      (i) =>
        i.status === 'Running' &&
        (data.snapshotsByInstance.get(i.instanceId) ?? []).some((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished'),
    );
    const snap =
      server &&
      (data.snapshotsByInstance.get(server.instanceId) ?? []).find((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished');
    if (!server || !snap) throw new Error('the demo seed has no server with an accomplished system snapshot in cn-hangzhou');
    const posts: HostMessage[] = [];
    const deps = campaignDeps(api, {
      loadRegion: (regionId, o) => loadRegion(api, regionId, { fresh: o?.fresh ?? false }),
      listRegions: () => api.listRegions('en-US'),
      logger,
    });
    const ui = recordingUi(posts);
    const controller = new CreateImageController(
      { regionId: 'cn-hangzhou', instanceId: server.instanceId },
      deps,
      ui,
      memoryDraftStore(),
      'China (Hangzhou)',
      data,
      'default',
    );
    await controller.handle({ type: 'ready' });
    await lab.clearRequests();
    const linesBefore = logger.lines.length;

    const r = rng(opts.seed ?? 99);
    const share = opts.ruleInvalidShare ?? 0.05;
    let invalid = 0;
    let ruleInvalid = 0;
    let crashes = 0;
    const burst = opts.burst ?? 50;
    for (let sent = 0; sent < opts.messages;) {
      const batch: Promise<void>[] = [];
      for (let k = 0; k < burst && sent < opts.messages; k++, sent++) {
        const rule = r() < share;
        const text = rule ? ruleInvalidMessage(r, snap.snapshotId) : invalidMessage(r);
        if (rule) ruleInvalid += 1;
        else invalid += 1;
        let message: unknown;
        try {
          message = JSON.parse(text);
        } catch {
          message = text; // deep nesting beyond JSON.parse: the raw text is what arrives
        }
        batch.push(
          controller.handle(message).catch((e: unknown) => {
            crashes += 1;
            if (crashSamples.length < 5) crashSamples.push(errorText(e).slice(0, 300));
          }),
        );
      }
      await Promise.all(batch);
    }
    const newLines = logger.lines.slice(linesBefore);
    const apiCalls = (await lab.requests()).length;
    // Control: a valid submit through the same controller reaches the API exactly once.
    await controller.handle({
      type: 'submit',
      draft: {
        imageName: 'hostile-control-1',
        systemSnapshotId: snap.snapshotId,
        dataSnapshotId: '',
        description: '',
        resourceGroupId: '',
        tags: [],
      },
    });
    const controlCalls = (await lab.requests('CreateCustomImage')).length;
    controller.dispose();
    return {
      messages: opts.messages,
      invalid,
      ruleInvalid,
      crashes: crashes + crashSamples.filter((s) => s.startsWith('uncaught')).length,
      apiCalls,
      ignoredLogLines: newLines.filter((l) => l.includes('ignored a webview message')).length,
      errorLogLines: newLines.filter((l) => l.startsWith('[error]')).length,
      prototypePolluted: ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).type !== undefined,
      controlCalls,
      seconds: (Date.now() - started) / 1000,
      postsText: JSON.stringify(posts),
      logText: logger.text(),
      crashSamples,
    };
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await lab.stop();
  }
}
