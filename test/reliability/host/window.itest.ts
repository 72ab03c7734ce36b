// One of two windows (two extension hosts) creating images in the same region of one account:
// the extension's own session client (its limiter, retry, cache) and the form's host controller,
// submissions started together with the other window through a file barrier. The outcomes go to
// $SWAS_REL_DIR/outcomes-<window>.json for test/reliability/hostConcurrency.ts to judge.
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionData } from '../../../src/core/model';
import type { CreateImageUi } from '../../../src/panels/createImageController';
import { CreateImageController } from '../../../src/panels/createImageController';
import { memoryDraftStore } from '../../../src/panels/createImageDeps';
import type { HostMessage, SubmitState } from '../../../src/protocol/createImageMessages';
import { FORM_STRINGS_EN } from '../../../src/protocol/formStrings';
import type { WorkerOutcome } from '../concurrencyWorker';
import { testEnv } from '../../integration/suite/testEnv';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

suite('Two windows, one quota', () => {
  test('this window submits its images through the form controller', async function () {
    this.timeout(240_000);
    const window = process.env.SWAS_REL_WINDOW ?? 'a';
    const dir = process.env.SWAS_REL_DIR ?? '';
    const perWindow = Number(process.env.SWAS_REL_PER_WINDOW ?? 8);
    assert.ok(dir, 'SWAS_REL_DIR is not set');
    const env = await testEnv();
    const s = env.api.services;
    await s.credentials.saveProfile(`window-${window}`, { accessKeyId: env.accessKeyId, accessKeySecret: env.accessKeySecret });
    await s.credentials.setActive(`window-${window}`);
    await s.session.reload();
    const data: RegionData = await s.regions.load('cn-hangzhou', { fresh: true });
    // The extension's own session client (bundled): its SwasErrors come from the bundle's copy of
    // the core module, the controller here is the transpiled copy — isSwasError must see them.
    const api = s.api();
    assert.ok(api, 'not signed in');
    const targets = data.instances
      .filter((i) => i.status === 'Running' || i.status === 'Stopped')
      .map((i) => ({
        instanceId: i.instanceId,
        snap: (data.snapshotsByInstance.get(i.instanceId) ?? []).find((x) => x.sourceDiskType === 'System' && x.status === 'Accomplished'),
      }))
      .filter((t) => t.snap);
    assert.ok(targets.length > 0, 'no server with an accomplished system snapshot');
    writeFileSync(join(dir, `ready-${window}`), '');
    for (let i = 0; !existsSync(join(dir, 'go')); i++) {
      assert.ok(i < 1200, 'no go signal after 120 s');
      await sleep(100);
    }
    const outcomes: WorkerOutcome[] = [];
    const names = Array.from({ length: perWindow }, (_, i) => (i % 4 === 0 ? `both-h-${i}` : `${window}-h-${i}`));
    let next = 0;
    const one = async (imageName: string, k: number): Promise<void> => {
      const t = targets[k % targets.length]!;
      const posts: HostMessage[] = [];
      const ui: CreateImageUi = {
        post: (m) => void posts.push(m),
        strings: { ...FORM_STRINGS_EN },
        locale: 'en',
        withProgress: (_n, task) => task(),
        notifyCreated: () => Promise.resolve(false),
        copyCli: () => Promise.resolve(),
        reveal: () => undefined,
        close: () => undefined,
        closeForSession: () => undefined,
      };
      const deps = {
        getApi: () => api,
        loadRegion: (r: string) => s.regions.load(r),
        listRegions: () => s.regions.listRegions(),
        logger: s.logger,
        revealImage: () => Promise.resolve(),
        refreshImages: () => undefined,
        createSnapshot: () => Promise.resolve(undefined),
        profile: () => s.session.state?.profile,
        cachedRegion: (r: string) => s.regions.get(r),
        watchRegion: () => ({ dispose: () => undefined }),
      };
      const c = new CreateImageController(
        { regionId: 'cn-hangzhou', instanceId: t.instanceId },
        deps,
        ui,
        memoryDraftStore(),
        'cn-hangzhou',
        data,
        s.session.state?.profile ?? '',
      );
      const last = (): SubmitState | undefined =>
        [...posts].reverse().find((p): p is Extract<HostMessage, { type: 'submitState' }> => p.type === 'submitState')?.state;
      await c.handle({ type: 'ready' });
      await c.handle({
        type: 'submit',
        draft: { imageName, systemSnapshotId: t.snap!.snapshotId, dataSnapshotId: '', description: '', resourceGroupId: '', tags: [] },
      });
      for (let press = 0; ; press++) {
        const st = last();
        if (st?.phase === 'succeeded') return void outcomes.push({ imageName, outcome: 'created', imageId: st.imageId, retries: press });
        if (st?.phase !== 'failed')
          return void outcomes.push({ imageName, outcome: 'unclear', code: `ended in ${st?.phase ?? 'nothing'}`, retries: press });
        if (!st.retryable) return void outcomes.push({ imageName, outcome: 'rejected', code: st.code, retries: press });
        if (press >= 5) return void outcomes.push({ imageName, outcome: 'unclear', code: st.code, retries: press });
        await c.handle({ type: 'retry' });
      }
    };
    await Promise.all(
      [0, 1, 2].map(async () => {
        while (next < names.length) {
          const k = next++;
          await one(names[k]!, k);
        }
      }),
    );
    writeFileSync(join(dir, `outcomes-${window}.json`), JSON.stringify(outcomes));
  });
});
