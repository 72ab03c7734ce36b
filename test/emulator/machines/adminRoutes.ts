// Admin routes for the machines (loopback, unsigned, like the rest of the admin API):
//   GET  /machines                          every server: ip, SSH port (when --ssh), disk folder;
//                                           `sandbox`: where commands run (bwrap | builtin)
//   GET  /machines/<id>/file?path=/root/x   a file of the server's disk ({content} or 404)
//   PUT  /machines/<id>/file                {path, content} writes one (tests set up a server)
//   POST /machines/<id>/cloud-assistant     {online: boolean} stops or starts the agent
//   POST /machines/<id>/ssh-banner          {preIdentBase64?, identBase64?, banner?} hostile bytes
//                                           its SSH daemon sends at login ({} = normal again)
//   GET  /workbench/<region>/<id>           the page LoginInstance's RedirectUrl points at
//   GET  /invocations/<InvokeId>/finished   answers once that RunCommand has ended (no polling)
//   GET  /invocations/finished              answers once every run going now has ended
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../state/store';

export interface RouteResult {
  status: number;
  body: unknown;
}

export function machineRoute(
  store: Store,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Record<string, unknown>,
): RouteResult | Promise<RouteResult> | undefined {
  const machines = store.machines;
  if (!machines) return undefined;
  if (method === 'GET' && path === '/machines') return { status: 200, body: { machines: machines.list(), sandbox: machines.sandbox } };
  if (method === 'GET' && path === '/invocations/finished')
    return machines.whenAllFinished().then(() => ({ status: 200, body: { ok: true } }));
  const inv = /^\/invocations\/([A-Za-z0-9-]+)\/finished$/.exec(path);
  if (method === 'GET' && inv) return machines.whenFinished(inv[1] ?? '').then(() => ({ status: 200, body: { ok: true } }));
  const wb = /^\/workbench\/([^/]+)\/([^/]+)$/.exec(path);
  if (method === 'GET' && wb)
    return {
      status: 200,
      body: {
        workbench: true,
        regionId: decodeURIComponent(wb[1] ?? ''),
        instanceId: decodeURIComponent(wb[2] ?? ''),
        user: query.get('user'),
      },
    };
  const m = /^\/machines\/([A-Za-z0-9-]+)\/(file|cloud-assistant|ssh-banner)$/.exec(path);
  if (!m) return undefined;
  const id = m[1] ?? '';
  const info = machines.list().find((x) => x.instanceId === id);
  if (!info) return { status: 404, body: { error: `no server ${id}` } };
  if (m[2] === 'file' && method === 'GET') {
    const p = query.get('path') ?? '';
    let content: string | undefined;
    try {
      content = machines.disks.readFile(id, p);
    } catch (e) {
      return { status: 400, body: { error: (e as Error).message } };
    }
    return content === undefined ? { status: 404, body: { error: `no file ${p}` } } : { status: 200, body: { content } };
  }
  if (m[2] === 'file' && method === 'PUT') {
    if (typeof body.path !== 'string' || typeof body.content !== 'string')
      return { status: 400, body: { error: 'path and content must be strings' } };
    try {
      const p = machines.disks.pathIn(id, body.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, body.content);
    } catch (e) {
      return { status: 400, body: { error: (e as Error).message } };
    }
    return { status: 200, body: { ok: true } };
  }
  if (m[2] === 'ssh-banner' && method === 'POST') {
    const b64 = (k: string): Buffer | undefined => (typeof body[k] === 'string' ? Buffer.from(body[k], 'base64') : undefined);
    const hostile = {
      preIdent: b64('preIdentBase64'),
      ident: b64('identBase64'),
      banner: typeof body.banner === 'string' ? body.banner : undefined,
    };
    const any = hostile.preIdent !== undefined || hostile.ident !== undefined || hostile.banner !== undefined;
    if (!machines.setHostileSsh(id, any ? hostile : undefined))
      return { status: 409, body: { error: `server ${id} has no SSH daemon (start the emulator with --ssh)` } };
    return { status: 200, body: { ok: true } };
  }
  if (m[2] === 'cloud-assistant' && method === 'POST') {
    if (typeof body.online !== 'boolean') return { status: 400, body: { error: 'online must be true or false' } };
    for (const acc of Object.values(store.state.accounts)) {
      for (const r of Object.values(acc.regions))
        for (const i of r.instances) if (i.instanceId === id) i.cloudAssistantOffline = !body.online;
    }
    store.changed();
    return { status: 200, body: { ok: true } };
  }
  return undefined;
}
