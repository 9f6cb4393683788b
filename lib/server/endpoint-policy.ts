/**
 * Which answer endpoints a chat request may make this server contact. The server-configured endpoint
 * (STRIX_ENDPOINT_BASE_URL) is the operator's choice and always allowed. A URL a user typed is allowed only
 * when the operator says so — STRIX_ALLOW_USER_ENDPOINTS=1 (any public host) or STRIX_ENDPOINT_HOSTS (a comma
 * list of host names or addresses) — and even then only over http(s), and only when every address its host
 * resolves to is public: link-local and cloud-metadata addresses are never reachable, loopback and private
 * ranges only for an allowlisted host. Every refusal gives the user the same text (no hint of which ports or
 * addresses exist); the reason goes to the server log.
 *
 * The check here runs before the request, on the names' addresses then; the connection itself goes through
 * endpoint-guard.ts, which checks again the address the socket connects to (a DNS server that answers
 * differently the second time, DNS rebinding, is refused there).
 */
import dns from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

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
  const hosts = (env.STRIX_ENDPOINT_HOSTS ?? '')
    .split(',')
    .map((h) => normaliseHost(h.trim()))
    .filter(Boolean);
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

/** ipaddr.js's IPv4 range names, as classes; every other named range is not the public internet either. */
const V4_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  loopback: 'loopback',
  linkLocal: 'link-local', // includes 169.254.169.254, the AWS/GCP/Azure metadata address
  unspecified: 'unspecified',
  broadcast: 'unspecified',
  reserved: 'unspecified',
  multicast: 'multicast',
};
/** Alibaba Cloud's metadata address, inside the carrier-grade NAT range. */
const V4_METADATA = '100.100.100.200';

function classifyV4(address: ipaddr.IPv4): AddressClass {
  if (address.toString() === V4_METADATA) return 'metadata';
  return V4_CLASSES[address.range()] ?? 'private';
}

/**
 * The IPv4 address an IPv6 one carries and reaches: IPv4-mapped and -translated (::ffff:0:0/96, ::ffff:0:0:0/96),
 * IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). Each is classed by that address, so
 * 64:ff9b::7f00:1 is loopback, not "public".
 */
function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const bytes = address.toByteArray();
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const last32 = () => new ipaddr.IPv4(bytes.slice(12, 16));
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return last32();
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  if (zero(0, 12) && !zero(12, 15)) return last32(); // IPv4-compatible; :: and ::1 (zero up to the last byte) are not
  return undefined;
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  const v4 = embeddedV4(address);
  if (v4) return classifyV4(v4);
  const range = address.range();
  if (range === 'unicast') return 'public';
  if (range === 'loopback') return 'loopback';
  if (range === 'unspecified') return 'unspecified';
  if (range === 'linkLocal') return 'link-local';
  if (range === 'multicast') return 'multicast';
  if (address.toByteArray()[0] === 0xfd) return 'metadata'; // fd00::/8 holds AWS's fd00:ec2::254
  return 'private'; // unique-local, Teredo, documentation, reserved…
}

export function classifyAddress(address: string): AddressClass {
  const text = address.split('%')[0]; // an IPv6 zone ("fe80::1%eth0") says nothing about the class
  if (!ipaddr.isValid(text) || net.isIP(text) === 0) throw new Error(`not an IP address: ${address}`);
  const parsed = ipaddr.parse(text);
  return parsed.kind() === 'ipv4' ? classifyV4(parsed as ipaddr.IPv4) : classifyV6(parsed as ipaddr.IPv6);
}

/** Classes no request from a user may reach; the rest of the non-public ones need an allowlisted host. */
const NEVER: ReadonlySet<AddressClass> = new Set(['link-local', 'metadata', 'unspecified', 'multicast']);

export type Verdict = { allowed: true } | { allowed: false; reason: string };

export type Lookup = (host: string) => Promise<{ address: string }[]>;
const systemLookup: Lookup = (host) => dns.lookup(host, { all: true, verbatim: true });

/** Whether `baseUrl` may be contacted under `policy`; `reason` is for the server log only. */
export async function checkEndpoint(
  baseUrl: string,
  policy: EndpointPolicy,
  lookup: Lookup = systemLookup,
): Promise<Verdict> {
  if (policy.serverBaseUrl && baseUrl.trim() === policy.serverBaseUrl) return { allowed: true };
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { allowed: false, reason: `scheme ${url.protocol}` };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in the URL' };
  const host = normaliseHost(url.hostname);
  const listed = policy.allowedHosts.has(host);
  if (!listed && !policy.allowUserEndpoints)
    return { allowed: false, reason: `user endpoints are off and ${host} is not listed` };
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookup(host)).map((a) => a.address);
  } catch (error) {
    return { allowed: false, reason: `${host} does not resolve (${(error as Error).message})` };
  }
  if (addresses.length === 0) return { allowed: false, reason: `${host} has no address` };
  for (const address of addresses) {
    const verdict = addressVerdict(host, address, listed);
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}

/** One resolved address of `host`: never a NEVER class; a non-public one only for a listed host. */
export function addressVerdict(host: string, address: string, listed: boolean): Verdict {
  const kind = classifyAddress(address);
  if (NEVER.has(kind)) return { allowed: false, reason: `${host} → ${address} is ${kind}` };
  if (kind !== 'public' && !listed)
    return { allowed: false, reason: `${host} → ${address} is ${kind} and the host is not listed` };
  return { allowed: true };
}

/** Whether the policy lists `host` (as a URL writes it: IPv6 in brackets or not). */
export function isListedHost(host: string, policy: EndpointPolicy): boolean {
  return policy.allowedHosts.has(normaliseHost(host));
}
