/**
 * The connection to a user-typed endpoint, checked where it is made: an undici Agent whose `connect.lookup`
 * resolves the name itself and refuses any address the endpoint policy forbids. checkEndpoint's earlier
 * look-up cannot be trusted alone: a DNS server may answer with a public address for the check and with
 * 127.0.0.1 for the connection (DNS rebinding). An address literal needs no look-up and was checked already.
 */
import dns from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import { addressVerdict, isListedHost, type EndpointPolicy } from './endpoint-policy';

/** node:dns's lookup with `all: true`, the form the guard calls (tests stub it). */
export type AllLookup = (
  hostname: string,
  callback: (error: Error | null, addresses: dns.LookupAddress[]) => void,
) => void;

const systemLookup: AllLookup = (hostname, callback) => dns.lookup(hostname, { all: true, verbatim: true }, callback);

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

export class EndpointAddressRefused extends Error {
  readonly code = 'EADDRREFUSED';
}

/** An Agent that connects only to addresses `policy` allows for the host being reached. */
export function guardedAgent(policy: EndpointPolicy, lookup: AllLookup = systemLookup): Agent {
  const checkedLookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    lookup(hostname, (error, addresses) => {
      if (error) return callback(error, []);
      const listed = isListedHost(hostname, policy);
      const wanted = addresses.filter((a) => !options.family || a.family === options.family);
      for (const { address } of wanted) {
        const verdict = addressVerdict(hostname, address, listed);
        if (!verdict.allowed) {
          console.warn(`endpoint connection refused: ${verdict.reason}`);
          return callback(new EndpointAddressRefused(verdict.reason), []);
        }
      }
      if (wanted.length === 0) return callback(new EndpointAddressRefused(`${hostname} has no address`), []);
      if (options.all) return callback(null, wanted);
      callback(null, wanted[0].address, wanted[0].family);
    });
  };
  return new Agent({ connect: { lookup: checkedLookup as never } });
}

/** `fetch` through the guarded Agent: what the endpoint client uses for a user-typed endpoint. */
export function guardedFetch(policy: EndpointPolicy, lookup?: AllLookup): typeof fetch {
  const dispatcher = guardedAgent(policy, lookup);
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}

type GuardHolder = { __strixGuardedFetch?: { key: string; fetch: typeof fetch } };
const holder = globalThis as typeof globalThis & GuardHolder;

/** One guarded fetch (one connection pool) per policy, so keep-alive connections are reused, not leaked. */
export function sharedGuardedFetch(policy: EndpointPolicy): typeof fetch {
  const key = JSON.stringify([policy.allowUserEndpoints, [...policy.allowedHosts].sort(), policy.serverBaseUrl]);
  if (holder.__strixGuardedFetch?.key !== key) holder.__strixGuardedFetch = { key, fetch: guardedFetch(policy) };
  return holder.__strixGuardedFetch.fetch;
}
