/**
 * A result URL with a malformed percent escape (/r/%E0%A4%A, /api/results/%zz) made Next's own parameter
 * decoding throw: a bare 500 without the security headers. Such a path names no result: answer 404 here,
 * before routing (the headers from next.config.js apply to this response as to any other).
 * Only the result paths run through here: the upload route keeps its streamed body untouched.
 */
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest): NextResponse {
  const path = request.nextUrl.pathname;
  try {
    decodeURIComponent(path);
    return NextResponse.next();
  } catch {
    const message = 'No such result: the address has a malformed percent escape.';
    if (path.startsWith('/api/')) return NextResponse.json({ error: { code: 'not_found', message } }, { status: 404 });
    return new NextResponse(message, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

export const config = { matcher: ['/r/:path*', '/api/results/:path*'] };
