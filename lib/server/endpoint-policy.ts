/**
 * Which answer endpoints a chat request may make this server contact. The server-configured endpoint
 * (STRIX_ENDPOINT_BASE_URL) is the operator's choice and always allowed. A URL a user typed is allowed only
 * when the operator says so — STRIX_ALLOW_USER_ENDPOINTS=1 (any public host) or STRIX_ENDPOINT_HOSTS (a comma
 * list of host names or addresses) — and even then only over http(s), and only when every address its host
 * resolves to is public: link-local and cloud-metadata addresses are never reachable, loopback and private
 * ranges only for an allowlisted host. Every refusal gives the user the same text (no hint of which ports or
 * addresses exist); the reason goes to the server log.
 *
 * Known gap: the address is checked before the request and resolved again by fetch, so a DNS server that
 * answers differently the second time (rebinding) is not caught; pinning needs an undici dispatcher with a
 * checked `connect.lookup`.
 */
import dns from 'node:dns/promises';
import net from 'node:net';

export const ENDPOINT_REFUSED_MESSAGE =
  'This server does not contact that endpoint: its operator allows only the configured endpoint and the hosts listed in STRIX_ENDPOINT_HOSTS (or any public host with STRIX_ALLOW_USER_ENDPOINTS=1).';

export interface EndpointPolicy {
  allowUserEndpoints: boolean;
  /** Lower-case host names or addresses (IPv6 without brackets). */
  allowedHosts: Set<string>;
  /** The configured endpoint's base URL, always allowed. */
  serverBaseUrl?: string;
}

export function policyFromEnv(env: Record<string, string | undefined> = process.env): EndpointPolicy {
  const hosts = (env.STRIX_ENDPOINT_HOSTS ?? '').split(',').map((h) => normaliseHost(h.trim())).filter(Boolean);
  return {
    allowUserEndpoints: env.STRIX_ALLOW_USER_ENDPOINTS === '1',
    allowedHosts: new Set(hosts),
    serverBaseUrl: env.STRIX_ENDPOINT_BASE_URL?.trim() || undefined,
  };
}

function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, '');
}

export type AddressClass = 'public' | 'private' | 'loopback' | 'link-local' | 'metadata' | 'unspecified' | 'multicast';

/** IPv4 ranges that are not the public internet (RFC 6890), with the class each counts as. */
const V4_RANGES: [string, number, AddressClass][] = [
  ['100.100.100.200', 32, 'metadata'], // Alibaba Cloud metadata (inside the CGNAT range below)
  ['0.0.0.0', 8, 'unspecified'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // includes 169.254.169.254, the AWS/GCP/Azure metadata address
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT
  ['192.0.0.0', 24, 'private'],
  ['198.18.0.0', 15, 'private'], // benchmarking
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'unspecified'], // reserved, and 255.255.255.255
];

function v4ToInt(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function classifyV4(address: string): AddressClass {
  const value = v4ToInt(address);
  for (const [base, bits, kind] of V4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = v4ToInt(base);
    if (value >= start && value < start + size) return kind;
  }
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (expanding "::" and a trailing dotted IPv4 part). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = v4ToInt(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

function classifyV6(address: string): AddressClass {
  const g = v6Groups(address);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return classifyV4(`${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`); // IPv4-mapped
  }
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xff00) === 0xfd00) return 'metadata'; // fd00::/8 holds AWS's fd00:ec2::254
  if ((g[0] & 0xfe00) === 0xfc00) return 'private';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  return 'public';
}

export function classifyAddress(address: string): AddressClass {
  const family = net.isIP(address);
  if (family === 4) return classifyV4(address);
  if (family === 6) return classifyV6(address);
  throw new Error(`not an IP address: ${address}`);
}

/** Classes no request from a user may reach; the rest of the non-public ones need an allowlisted host. */
const NEVER: ReadonlySet<AddressClass> = new Set(['link-local', 'metadata', 'unspecified', 'multicast']);

export type Verdict = { allowed: true } | { allowed: false; reason: string };

type Lookup = (host: string) => Promise<{ address: string }[]>;
const systemLookup: Lookup = (host) => dns.lookup(host, { all: true, verbatim: true });

/** Whether `baseUrl` may be contacted under `policy`; `reason` is for the server log only. */
export async function checkEndpoint(baseUrl: string, policy: EndpointPolicy, lookup: Lookup = systemLookup): Promise<Verdict> {
  if (policy.serverBaseUrl && baseUrl.trim() === policy.serverBaseUrl) return { allowed: true };
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { allowed: false, reason: `scheme ${url.protocol}` };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in the URL' };
  const host = normaliseHost(url.hostname);
  const listed = policy.allowedHosts.has(host);
  if (!listed && !policy.allowUserEndpoints) return { allowed: false, reason: `user endpoints are off and ${host} is not listed` };
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookup(host)).map((a) => a.address);
  } catch (error) {
    return { allowed: false, reason: `${host} does not resolve (${(error as Error).message})` };
  }
  if (addresses.length === 0) return { allowed: false, reason: `${host} has no address` };
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (NEVER.has(kind)) return { allowed: false, reason: `${host} → ${address} is ${kind}` };
    if (kind !== 'public' && !listed) return { allowed: false, reason: `${host} → ${address} is ${kind} and the host is not listed` };
  }
  return { allowed: true };
}
