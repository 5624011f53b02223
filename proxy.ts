import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends visitors without a session cookie to the sign-in page, remembering where they were going. Only a fast
 * path: the console layout and every API route check the session itself.
 */
export function proxy(request: NextRequest) {
  const hasCookie = request.cookies.getAll().some((c) => c.name.endsWith("sluice.session_token"));
  if (hasCookie) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not the API, Next's assets, the sign-in and setup pages, or public files.
  matcher: ["/((?!api|_next|login|setup|favicon.ico|icon.svg|sluice-stream-worker.js).*)"],
};
