// The admin API: unsigned, loopback only, on its own port. Test controls and state access.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from './faults';
import { parseFaultConfig } from './faults';
import { instanceWire } from './render';
import type { RateLimits } from './limits';
import type { Variants } from './variants';
import { parseVariants } from './variants';
import { LIMIT_PRESETS, parseLimitTable } from './limits';
import type { RequestLog } from './requestLog';
import { DEMO_ACCOUNT } from './seeds/credentials';
import { machineRoute } from './machines/adminRoutes';
import { makeInstance } from './seeds/factory';
import { isKnownRegion } from './seeds/regions';
import type { Store } from './state/store';
import type { EmulatorState } from './types';

export interface AdminDeps {
  store: Store;
  faults: Faults;
  limits: RateLimits;
  variants: Variants;
  log: RequestLog;
  /** Builds a fresh state for POST /reset; undefined seed = the one the emulator started with. */
  seedState(seed: string | undefined): EmulatorState;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1_000_000) chunks.push(c);
    });
    req.on('end', () => {
      if (size > 1_000_000) return reject(new HttpError(413, 'body too large'));
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'the body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function obj(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new HttpError(400, 'the body must be a JSON object');
  return v as Record<string, unknown>;
}

function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

/** `{ "preset": "quota-2025" }`, `{ "table": {…} }` or the table itself. Windows start empty. */
function limitsFromBody(body: Record<string, unknown>) {
  try {
    if (typeof body.preset === 'string') {
      const preset = LIMIT_PRESETS[body.preset];
      if (!preset) throw new Error(`unknown preset "${body.preset}" (known: ${Object.keys(LIMIT_PRESETS).join(', ')})`);
      return preset;
    }
    return parseLimitTable(body.table ?? body);
  } catch (e) {
    throw new HttpError(400, (e as Error).message);
  }
}

export class AdminServer {
  constructor(private readonly deps: AdminDeps) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (!isLoopback(req.socket.remoteAddress)) {
      json(res, 403, { error: 'the admin API answers loopback clients only' });
      req.resume();
      return;
    }
    this.route(req)
      .then((r) => json(res, r.status, r.body))
      .catch((e: unknown) => {
        const status = e instanceof HttpError ? e.status : 500;
        json(res, status, { error: e instanceof Error ? e.message : String(e) });
      });
  }

  private async route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const { store, faults, log } = this.deps;
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = method === 'GET' || method === 'DELETE' ? {} : obj(await readJson(req));
    const route = `${method} ${path}`;
    if (route === 'GET /health') return { status: 200, body: { ok: true } };
    if (route === 'GET /state') {
      store.tick();
      return { status: 200, body: store.state };
    }
    if (route === 'POST /reset') {
      const seed = body.seed === undefined ? undefined : String(body.seed);
      try {
        store.replace(this.deps.seedState(seed));
        this.deps.limits.reset();
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      return { status: 200, body: { ok: true } };
    }
    if (route === 'GET /clock') return { status: 200, body: { now: new Date(store.now()).toISOString() } };
    if (route === 'POST /clock/advance') {
      const seconds = body.seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) throw new HttpError(400, 'seconds must be a number ≥ 0');
      store.advance(seconds);
      return { status: 200, body: { now: new Date(store.now()).toISOString() } };
    }
    if (route === 'GET /requests') return { status: 200, body: { requests: log.list() } };
    if (route === 'DELETE /requests') {
      log.clear();
      return { status: 200, body: { ok: true } };
    }
    if (route === 'GET /faults') return { status: 200, body: faults.get() };
    if (route === 'DELETE /faults') {
      faults.clear();
      return { status: 200, body: { ok: true } };
    }
    if (route === 'PUT /faults') {
      try {
        faults.set(parseFaultConfig(body));
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      return { status: 200, body: faults.get() };
    }
    if (route === 'GET /variants') return { status: 200, body: this.variantsBody() };
    if (route === 'DELETE /variants') {
      this.deps.variants.set([]);
      return { status: 200, body: this.variantsBody() };
    }
    if (route === 'PUT /variants' || route === 'POST /variants') {
      const list = body.variants;
      const seconds = body.unshareSeconds;
      if (typeof list !== 'string' && !(Array.isArray(list) && list.every((v) => typeof v === 'string'))) {
        throw new HttpError(400, 'variants must be a string ("hostile", "a,b") or an array of strings');
      }
      if (seconds !== undefined && (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0))
        throw new HttpError(400, 'unshareSeconds must be a number ≥ 0');
      try {
        this.deps.variants.set(parseVariants(list as string | string[]), seconds as number | undefined);
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      return { status: 200, body: this.variantsBody() };
    }
    if (route === 'GET /limits') return { status: 200, body: this.deps.limits.get() };
    if (route === 'DELETE /limits') {
      this.deps.limits.set(LIMIT_PRESETS.none ?? parseLimitTable({ operations: {} }, 'none'));
      return { status: 200, body: this.deps.limits.get() };
    }
    if (route === 'POST /limits' || route === 'PUT /limits') {
      this.deps.limits.set(limitsFromBody(body));
      return { status: 200, body: this.deps.limits.get() };
    }
    const dm = /^\/disks\/([^/]+)\/status$/.exec(path);
    if (dm && method === 'POST') return { status: 200, body: this.setDiskStatus(decodeURIComponent(dm[1] ?? ''), body.status) };
    if (route === 'POST /servers') return { status: 201, body: this.addServer(body) };
    const m = /^\/servers\/([^/]+)(\/status)?$/.exec(path);
    if (m && method === 'DELETE' && !m[2]) return { status: 200, body: this.releaseServer(decodeURIComponent(m[1] ?? '')) };
    if (m && method === 'POST' && m[2]) return { status: 200, body: this.setStatus(decodeURIComponent(m[1] ?? ''), body.status) };
    const machine = machineRoute(store, method, path, new URLSearchParams((req.url ?? '').split('?')[1] ?? ''), body);
    if (machine) return await machine;
    throw new HttpError(404, `no admin route ${route}`);
  }

  private variantsBody(): unknown {
    return { variants: this.deps.variants.list(), unshareSeconds: this.deps.variants.unshareSeconds };
  }

  private accountFor(accessKeyId: unknown): string {
    if (accessKeyId === undefined) return DEMO_ACCOUNT;
    const cred = typeof accessKeyId === 'string' ? this.deps.store.credential(accessKeyId) : undefined;
    if (!cred) throw new HttpError(400, 'unknown accessKeyId');
    return cred.accountId;
  }

  private addServer(body: Record<string, unknown>): unknown {
    const { store } = this.deps;
    const regionId = body.regionId;
    if (typeof regionId !== 'string' || !isKnownRegion(regionId)) throw new HttpError(400, 'regionId must be a known region');
    const accountId = this.accountFor(body.accessKeyId);
    const region = store.regionForWrite(accountId, regionId);
    const n = store.state.nextId + 1;
    const name = typeof body.instanceName === 'string' && body.instanceName ? body.instanceName : `server-${n}`;
    const status = typeof body.status === 'string' && body.status ? body.status : 'Running';
    const inst = makeInstance(store, { regionId, instanceName: name, status, index: 1000 + n, createdMs: store.now(), dataDiskGiB: 100 });
    region.instances.push(inst);
    store.changed();
    return instanceWire(inst);
  }

  private locate(instanceId: string) {
    for (const acc of Object.values(this.deps.store.state.accounts)) {
      for (const region of Object.values(acc.regions)) {
        const inst = region.instances.find((i) => i.instanceId === instanceId);
        if (inst) return { region, inst };
      }
    }
    throw new HttpError(404, `no server ${instanceId}`);
  }

  private releaseServer(instanceId: string): unknown {
    const { region, inst } = this.locate(instanceId);
    this.deps.store.markReleased([instanceId], 'instance');
    this.deps.store.markReleased(
      inst.disks.map((d) => d.diskId),
      'disk',
    );
    this.deps.store.markReleased(
      region.snapshots.filter((s) => s.instanceId === instanceId).map((s) => s.snapshotId),
      'snapshotOfReleasedServer',
    );
    region.instances = region.instances.filter((i) => i.instanceId !== instanceId);
    region.snapshots = region.snapshots.filter((s) => s.instanceId !== instanceId);
    region.images = region.images.filter((i) => i.instanceId !== instanceId);
    this.deps.store.changed();
    return { ok: true };
  }

  private setDiskStatus(diskId: string, status: unknown): unknown {
    if (typeof status !== 'string' || !status) throw new HttpError(400, 'status must be a non-empty string');
    for (const acc of Object.values(this.deps.store.state.accounts)) {
      for (const region of Object.values(acc.regions)) {
        for (const inst of region.instances) {
          const d = inst.disks.find((x) => x.diskId === diskId);
          if (!d) continue;
          d.status = status;
          this.deps.store.changed();
          return { DiskId: d.diskId, Status: d.status };
        }
      }
    }
    throw new HttpError(404, `no disk ${diskId}`);
  }

  private setStatus(instanceId: string, status: unknown): unknown {
    if (typeof status !== 'string' || !status) throw new HttpError(400, 'status must be a non-empty string');
    const { inst } = this.locate(instanceId);
    inst.status = status;
    this.deps.store.changed();
    return instanceWire(inst);
  }
}
