import { describe, expect, it } from 'vitest';
import { checkEndpoint, classifyAddress, policyFromEnv, type EndpointPolicy } from './endpoint-policy';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'metadata'],
    ['fc00::1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['2606:4700:4700::1111', 'public'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::7f00:1', 'loopback'], // NAT64 of 127.0.0.1
    ['64:ff9b::a9fe:a9fe', 'link-local'], // NAT64 of the metadata address
    ['64:ff9b::808:808', 'public'],
    ['2002:7f00:1::1', 'loopback'], // 6to4 of 127.0.0.1
    ['2002:a00:1::', 'private'], // 6to4 of 10.0.0.1
    ['::127.0.0.1', 'loopback'], // IPv4-compatible
    ['::a9fe:a9fe', 'link-local'],
    ['2001::1', 'private'], // Teredo
    ['100.100.100.200', 'metadata'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address }));
const policy = (over: Partial<EndpointPolicy> = {}): EndpointPolicy => ({
  allowUserEndpoints: true,
  allowedHosts: new Set(),
  ...over,
});

describe('checkEndpoint', () => {
  it.each<[string, string, EndpointPolicy, string[], boolean]>([
    ['user endpoints off', 'https://api.example.com/v1', policy({ allowUserEndpoints: false }), ['8.8.8.8'], false],
    ['a public host when allowed', 'https://api.example.com/v1', policy(), ['8.8.8.8'], true],
    [
      'a listed host while user endpoints are off',
      'https://api.example.com/v1',
      policy({ allowUserEndpoints: false, allowedHosts: new Set(['api.example.com']) }),
      ['8.8.8.8'],
      true,
    ],
    ['ftp', 'ftp://api.example.com/', policy(), ['8.8.8.8'], false],
    ['credentials in the URL', 'http://user:pw@api.example.com/', policy(), ['8.8.8.8'], false],
    ['loopback literal', 'http://127.0.0.1:11434', policy(), [], false],
    ['loopback by name', 'http://localhost:11434', policy(), ['127.0.0.1', '::1'], false],
    ['decimal loopback', 'http://2130706433/', policy(), [], false],
    ['private', 'http://10.0.0.5/', policy(), [], false],
    [
      'a name with one private address among public ones',
      'http://mixed.example/',
      policy(),
      ['8.8.8.8', '192.168.0.2'],
      false,
    ],
    ['metadata', 'http://169.254.169.254/latest/', policy(), [], false],
    ['IPv6 metadata', 'http://[fd00:ec2::254]/', policy(), [], false],
    [
      'listed loopback (a local Ollama)',
      'http://localhost:11434',
      policy({ allowUserEndpoints: false, allowedHosts: new Set(['localhost']) }),
      ['127.0.0.1'],
      true,
    ],
    [
      'listed host resolving to link-local',
      'http://meta.example/',
      policy({ allowedHosts: new Set(['meta.example']) }),
      ['169.254.169.254'],
      false,
    ],
  ])('%s', async (_name, url, rules, addresses, allowed) => {
    expect((await checkEndpoint(url, rules, resolvesTo(...addresses))).allowed).toBe(allowed);
  });

  it('always allows the server-configured endpoint', async () => {
    const rules = policy({ allowUserEndpoints: false, serverBaseUrl: 'http://127.0.0.1:11434/v1' });
    expect((await checkEndpoint('http://127.0.0.1:11434/v1', rules, resolvesTo())).allowed).toBe(true);
  });

  it('refuses a host that does not resolve', async () => {
    const failing = async () => Promise.reject(new Error('ENOTFOUND'));
    expect((await checkEndpoint('https://nowhere.invalid/', policy(), failing)).allowed).toBe(false);
  });

  it('reads the policy from the environment', () => {
    const rules = policyFromEnv({
      STRIX_ENDPOINT_HOSTS: ' LocalHost, [::1] ,',
      STRIX_ENDPOINT_BASE_URL: 'http://x/v1',
    });
    expect(rules).toEqual({
      allowUserEndpoints: false,
      allowedHosts: new Set(['localhost', '::1']),
      serverBaseUrl: 'http://x/v1',
    });
  });
});
