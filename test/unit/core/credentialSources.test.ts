import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAliyunConfig, readAliyunConfig, defaultAliyunConfigPath } from '../../../src/core/credentials/aliyunConfig';
import type { AliyunProfile } from '../../../src/core/credentials/aliyunConfig';
import { describeEnvCredentials, readEnvCredentials } from '../../../src/core/credentials/envSource';

const config = {
  current: 'sts',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'EMULak00000001', access_key_secret: 'sec1', region_id: 'cn-hangzhou' },
    { name: 'sts', mode: 'StsToken', access_key_id: 'STS.EMUL0001', access_key_secret: 'sec2', sts_token: 'tok' },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'x', access_key_secret: 'y', ram_role_arn: 'acs:ram::1:role/r' },
    { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'r' },
    { name: 'sso', mode: 'CloudSSO' },
    { name: 'weird', mode: 'Telepathy' },
    { name: 'legacy', access_key_id: 'EMULlegacy01', access_key_secret: 'sec3' },
    { name: 'half', mode: 'AK', access_key_id: 'EMULhalf', access_key_secret: '' },
    { name: 'notoken', mode: 'StsToken', access_key_id: 'a', access_key_secret: 'b', sts_token: '' },
    'not an object',
  ],
};

function byName(profiles: AliyunProfile[]): Record<string, AliyunProfile> {
  return Object.fromEntries(profiles.map((p) => [p.name, p]));
}

test('AK and StsToken profiles are supported with their credentials; current is marked', () => {
  const r = parseAliyunConfig(JSON.stringify(config));
  assert.ok(r.ok);
  const p = byName(r.profiles);
  assert.deepStrictEqual(p.default?.credentials, { accessKeyId: 'EMULak00000001', accessKeySecret: 'sec1' });
  assert.equal(p.default?.regionId, 'cn-hangzhou');
  assert.deepStrictEqual(p.sts?.credentials, { accessKeyId: 'STS.EMUL0001', accessKeySecret: 'sec2', securityToken: 'tok' });
  assert.equal(p.sts?.current, true);
  assert.equal(p.default?.current, false);
  assert.equal(r.current, 'sts');
  assert.equal(p.legacy?.supported, true, 'a profile without mode but with keys is an AK profile');
});

test('other modes are listed as unsupported with a reason code and no credentials', () => {
  const r = parseAliyunConfig(JSON.stringify(config));
  assert.ok(r.ok);
  const p = byName(r.profiles);
  const expect: Record<string, string> = {
    role: 'Mode.RequiresRoleAssumption',
    ecs: 'Mode.RequiresEcsMetadata',
    sso: 'Mode.RequiresSso',
    weird: 'Mode.Unknown',
    half: 'Profile.MissingAccessKey',
    notoken: 'Profile.MissingSecurityToken',
    '#10': 'Profile.Malformed',
  };
  for (const [name, reason] of Object.entries(expect)) {
    assert.equal(p[name]?.supported, false, name);
    assert.equal(p[name]?.reason, reason, name);
    assert.equal(p[name]?.credentials, undefined, name);
  }
  assert.equal(r.profiles.length, 10);
});

test('malformed files give an error code, never a throw', () => {
  const cases: [string, string][] = [
    ['', 'AliyunConfig.Empty'],
    ['   \n', 'AliyunConfig.Empty'],
    ['{"profiles": [', 'AliyunConfig.InvalidJson'],
    ["{'single': 'quotes'}", 'AliyunConfig.InvalidJson'],
    ['[1,2]', 'AliyunConfig.NotAnObject'],
    ['null', 'AliyunConfig.NotAnObject'],
    ['"text"', 'AliyunConfig.NotAnObject'],
    ['{}', 'AliyunConfig.NoProfiles'],
    ['{"profiles": {"name": "x"}}', 'AliyunConfig.NoProfiles'],
  ];
  for (const [text, code] of cases) {
    const r = parseAliyunConfig(text);
    assert.deepStrictEqual(r, { ok: false, error: code }, text);
  }
});

test('a byte-order mark is accepted', () => {
  const r = parseAliyunConfig(`\uFEFF${JSON.stringify({ profiles: [] })}`);
  assert.deepStrictEqual(r, { ok: true, profiles: [] });
});

test('reading the file: missing file → NotFound, a directory → Unreadable, a good file parses', async () => {
  const home = mkdtempSync(join(tmpdir(), 'swas-aliyun-'));
  try {
    assert.deepStrictEqual(await readAliyunConfig(defaultAliyunConfigPath(home)), { ok: false, error: 'AliyunConfig.NotFound' });
    mkdirSync(join(home, '.aliyun', 'config.json'), { recursive: true });
    assert.deepStrictEqual(await readAliyunConfig(defaultAliyunConfigPath(home)), { ok: false, error: 'AliyunConfig.Unreadable' });
    const file = join(home, 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const r = await readAliyunConfig(file);
    assert.ok(r.ok && r.profiles.length === 10);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('environment credentials need both the key id and the secret; the token is optional', () => {
  assert.equal(readEnvCredentials({}), undefined);
  assert.equal(readEnvCredentials({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'EMULenv1' }), undefined);
  assert.deepStrictEqual(readEnvCredentials({ ALIBABA_CLOUD_ACCESS_KEY_ID: ' EMULenv1 ', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' }), {
    accessKeyId: 'EMULenv1',
    accessKeySecret: 's',
  });
  assert.deepStrictEqual(
    readEnvCredentials({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'STS.x', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's', ALIBABA_CLOUD_SECURITY_TOKEN: 't' }),
    { accessKeyId: 'STS.x', accessKeySecret: 's', securityToken: 't' },
  );
  assert.deepStrictEqual(describeEnvCredentials({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'x' }), {
    accessKeyId: true,
    accessKeySecret: false,
    securityToken: false,
  });
});
