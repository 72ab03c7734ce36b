// The demo account: believable data in three regions, every other region empty.
import { Store } from '../state/store';
import type { Timings } from '../state/store';
import type { EmulatorState, InstanceRecord } from '../types';
import { DEMO_ACCOUNT, seedCredentials } from './credentials';
import { makeImage, makeInstance, makeSnapshot } from './factory';

const T0 = Date.parse('2026-03-02T08:15:30Z');
const DAY = 86_400_000;

export function emptyState(): EmulatorState {
  return { version: 1, clockOffsetMs: 0, nextId: 0, credentials: seedCredentials(), accounts: {}, clientTokens: {} };
}

function sys(i: InstanceRecord) {
  const d = i.disks[0];
  if (!d) throw new Error('instance without system disk');
  return d;
}
function data(i: InstanceRecord) {
  const d = i.disks[1];
  if (!d) throw new Error('instance without data disk');
  return d;
}

export function demoState(timings: Timings): EmulatorState {
  const store = new Store(emptyState(), timings);
  const now = store.now();
  const hz = store.regionForWrite(DEMO_ACCOUNT, 'cn-hangzhou');
  store.account(DEMO_ACCOUNT).userId = '1234567890123456';
  const web = makeInstance(store, {
    regionId: 'cn-hangzhou',
    instanceName: 'web-prod-1',
    status: 'Running',
    index: 11,
    createdMs: T0,
    dataDiskGiB: 100,
  });
  const db = makeInstance(store, {
    regionId: 'cn-hangzhou',
    instanceName: 'db-staging',
    status: 'Stopped',
    index: 12,
    createdMs: T0 + DAY,
    dataDiskGiB: 200,
  });
  const api = makeInstance(store, {
    regionId: 'cn-hangzhou',
    instanceName: 'api-canary',
    status: 'Starting',
    index: 13,
    createdMs: T0 + 2 * DAY,
    dataDiskGiB: 50,
  });
  const legacy = makeInstance(store, {
    regionId: 'cn-hangzhou',
    instanceName: 'legacy-blog',
    status: 'Disabled',
    index: 14,
    createdMs: T0 - 60 * DAY,
    dataDiskGiB: 20,
  });
  hz.instances.push(web, db, api, legacy);
  const webSys = makeSnapshot(store, web, sys(web), { name: 'web-prod-1-sys-0601', createdMs: T0 + 10 * DAY });
  const webData = makeSnapshot(store, web, data(web), {
    name: 'web-prod-1-data-nightly',
    status: 'Progressing',
    createdMs: now - 60_000,
    readyAt: now - 60_000 + 600_000,
  });
  const dbSys = makeSnapshot(store, db, sys(db), { name: 'db-staging-sys-0520', createdMs: T0 + 20 * DAY });
  const dbData = makeSnapshot(store, db, data(db), { name: 'db-staging-data-0520', createdMs: T0 + 20 * DAY + 300_000 });
  const dbFailed = makeSnapshot(store, db, data(db), {
    name: 'db-staging-data-0521',
    status: 'Failed',
    createdMs: T0 + 21 * DAY,
    failedProgress: 37,
  });
  const apiSys = makeSnapshot(store, api, sys(api), { name: 'api-canary-sys-0610', createdMs: T0 + 30 * DAY });
  hz.snapshots.push(webSys, webData, dbSys, dbData, dbFailed, apiSys);
  hz.images.push(
    makeImage(store, web, webSys, undefined, {
      name: 'web-prod-golden',
      description: 'Nginx + app, hardened',
      createdMs: T0 + 11 * DAY,
      inShare: true,
    }),
    makeImage(store, db, dbSys, dbData, { name: 'db-staging-base', description: 'PostgreSQL 15 with data', createdMs: T0 + 22 * DAY }),
  );

  const sh = store.regionForWrite(DEMO_ACCOUNT, 'cn-shanghai');
  const shop = makeInstance(store, { regionId: 'cn-shanghai', instanceName: 'shop-frontend', index: 21, createdMs: T0 + 3 * DAY });
  const worker = makeInstance(store, {
    regionId: 'cn-shanghai',
    instanceName: 'shop-worker',
    index: 22,
    createdMs: T0 + 3 * DAY,
    dataDiskGiB: 50,
  });
  sh.instances.push(shop, worker);
  sh.snapshots.push(makeSnapshot(store, shop, sys(shop), { name: 'shop-frontend-sys-0401', createdMs: T0 + 40 * DAY }));

  const sg = store.regionForWrite(DEMO_ACCOUNT, 'ap-southeast-1');
  const gw = makeInstance(store, { regionId: 'ap-southeast-1', instanceName: 'sg-gateway', index: 31, createdMs: T0 + 5 * DAY });
  sg.instances.push(gw);
  const gwSys = makeSnapshot(store, gw, sys(gw), { name: 'sg-gateway-sys-0301', createdMs: T0 + 6 * DAY });
  sg.snapshots.push(gwSys);
  for (let v = 1; v <= 3; v++) {
    sg.images.push(makeImage(store, gw, gwSys, undefined, { name: `sg-gateway-v${v}`, createdMs: T0 + (6 + v) * DAY }));
  }
  return store.state;
}
