/**
 * State-changing requests must come from this app's own pages. A cross-site page can send a form (no
 * preflight for text/plain, multipart or urlencoded bodies) to any URL; the browser then names the page's
 * origin in `Origin` and says `Sec-Fetch-Site: cross-site`. Tools (curl, the CLI, tests) send neither and
 * are let through: they cannot ride a user's browser.
 */

/** The hosts this server is reached by, as the request says (a reverse proxy names the original host). */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>([new URL(request.url).host]);
  for (const header of ['host', 'x-forwarded-host']) {
    const value = request.headers.get(header);
    if (value) hosts.add(value.split(',')[0].trim().toLowerCase());
  }
  return hosts;
}

export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  try {
    return ownHosts(request).has(new URL(origin).host.toLowerCase());
  } catch {
    return false; // "null" (a sandboxed frame, a file: page) or junk
  }
}
