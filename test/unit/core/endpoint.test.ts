import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointFor, hostNeedingConfirmation, isLoopbackHost, isOfficialHost } from '../../../src/core/endpoint';
import { SwasError } from '../../../src/core/errors';

test('an empty template gives the public regional endpoint', () => {
  assert.equal(endpointFor('', 'cn-hangzhou'), 'https://swas.cn-hangzhou.aliyuncs.com');
  assert.equal(endpointFor('   ', 'ap-southeast-1'), 'https://swas.ap-southeast-1.aliyuncs.com');
});

test('{regionId} is substituted wherever it appears', () => {
  assert.equal(endpointFor('https://swas-vpc.{regionId}.aliyuncs.com', 'cn-beijing'), 'https://swas-vpc.cn-beijing.aliyuncs.com');
});

test('a template without {regionId} is one endpoint for every region, trailing slash removed', () => {
  assert.equal(endpointFor('http://127.0.0.1:8790/', 'cn-hangzhou'), 'http://127.0.0.1:8790');
  assert.equal(endpointFor('http://127.0.0.1:8790', 'us-east-1'), 'http://127.0.0.1:8790');
});

test('rejects non-http endpoints, paths, and region ids that would change the host', () => {
  const bad = (t: string, r = 'cn-hangzhou'): void =>
    assert.throws(
      () => endpointFor(t, r),
      (e: unknown) => e instanceof SwasError && e.code === 'Config.InvalidEndpoint',
    );
  bad('ftp://x');
  bad('swas.cn-hangzhou.aliyuncs.com');
  bad('http://127.0.0.1:8790/api');
  bad('http://user:pw@127.0.0.1');
  bad('https://swas.{regionId}.aliyuncs.com', 'evil.com/x');
  bad('https://swas.{regionId}.aliyuncs.com', 'CN-HANGZHOU');
});

test('http:// is accepted only to loopback; https:// anywhere', () => {
  const bad = (t: string): void =>
    assert.throws(
      () => endpointFor(t, 'cn-hangzhou'),
      (e: unknown) => e instanceof SwasError && e.code === 'Config.InvalidEndpoint',
      t,
    );
  bad('http://swas.{regionId}.aliyuncs.com');
  bad('http://relay.example.com:8790');
  bad('http://10.0.0.1');
  bad('http://127.0.0.1.example.com');
  bad('http://[::2]:80');
  assert.equal(endpointFor('http://127.1.2.3:9', 'cn-hangzhou'), 'http://127.1.2.3:9');
  assert.equal(endpointFor('http://[::1]:8790', 'cn-hangzhou'), 'http://[::1]:8790');
  assert.equal(endpointFor('http://localhost:8790', 'cn-hangzhou'), 'http://localhost:8790');
  assert.equal(endpointFor('https://relay.example.com', 'cn-hangzhou'), 'https://relay.example.com');
});

test("a host that is neither the service's nor loopback needs a confirmation naming it", () => {
  assert.equal(hostNeedingConfirmation(''), undefined);
  assert.equal(hostNeedingConfirmation('https://swas.{regionId}.aliyuncs.com'), undefined);
  assert.equal(hostNeedingConfirmation('https://swas-vpc.{regionId}.aliyuncs.com'), undefined);
  assert.equal(hostNeedingConfirmation('HTTPS://SWAS.CN-SHANGHAI.ALIYUNCS.COM'), undefined);
  assert.equal(hostNeedingConfirmation('http://127.0.0.1:8790'), undefined);
  assert.equal(hostNeedingConfirmation('https://relay.example.com:8443'), 'relay.example.com:8443');
  assert.equal(hostNeedingConfirmation('https://swas.{regionId}.example.com'), 'swas.{regionId}.example.com');
  assert.equal(hostNeedingConfirmation('https://aliyuncs.com.evil.example'), 'aliyuncs.com.evil.example');
  assert.equal(hostNeedingConfirmation('https://{regionId}.aliyuncs.com.evil.example'), '{regionId}.aliyuncs.com.evil.example');
  assert.equal(hostNeedingConfirmation('https://evilaliyuncs.com'), 'evilaliyuncs.com');
  assert.throws(
    () => hostNeedingConfirmation('http://relay.example.com'),
    (e: unknown) => e instanceof SwasError && e.code === 'Config.InvalidEndpoint',
  );
});

test('no region id moves an official template off the official hosts', () => {
  for (const r of ['cn-hangzhou', 'ap-southeast-1', 'us-east-1', 'eu-central-1', 'me-east-1']) {
    const host = new URL(endpointFor('https://swas.{regionId}.aliyuncs.com', r)).hostname;
    assert.ok(isOfficialHost(host), host);
  }
  assert.equal(isLoopbackHost('127.0.0.1'), true);
  assert.equal(isLoopbackHost('128.0.0.1'), false);
  assert.equal(isOfficialHost('aliyuncs.com'), false);
});
