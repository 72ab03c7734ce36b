import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointFor } from '../../../src/core/endpoint';
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
    assert.throws(() => endpointFor(t, r), (e: unknown) => e instanceof SwasError && e.code === 'Config.InvalidEndpoint');
  bad('ftp://x');
  bad('swas.cn-hangzhou.aliyuncs.com');
  bad('http://127.0.0.1:8790/api');
  bad('http://user:pw@127.0.0.1');
  bad('https://swas.{regionId}.aliyuncs.com', 'evil.com/x');
  bad('https://swas.{regionId}.aliyuncs.com', 'CN-HANGZHOU');
});
