import { NextResponse, type NextRequest } from "next/server";
import { API_CSP, pageCsp, securityHeaders } from "@/lib/security/headers";
import { hostPolicy, refusedHost } from "@/lib/security/hosts";

/** Liveness and readiness answer probes on any host (they reveal nothing); everything else checks the host. */
const HOST_CHECK_EXEMPT = new Set(["/api/health", "/api/ready"]);
/** Pages open without a session. */
const PUBLIC_PAGES = /^\/(login|setup)(\/|$)/;

/**
 * Runs before every page and API handler:
 * 1. refuses requests whose Host (or X-Forwarded-Host) is not one of Sluice's configured hosts with 421, so a name
 *    rebound to Sluice's address (DNS rebinding) reaches nothing;
 * 2. sends visitors without a session cookie to the sign-in page, remembering where they were going (only a fast
 *    path: every page and API route checks the session and the permission itself);
 * 3. adds the security headers, with a fresh CSP nonce per page request.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = process.env.SLUICE_PUBLIC_URL?.startsWith("https://") ?? false;
  if (!HOST_CHECK_EXEMPT.has(pathname)) {
    const refused = refusedHost(
      request.headers.get("host"),
      request.headers.get("x-forwarded-host"),
      hostPolicy(process.env),
    );
    if (refused !== null) {
      const message = `Sluice does not answer to the host "${refused.slice(0, 100)}". Open it at its configured address (SLUICE_PUBLIC_URL, SLUICE_ALLOWED_HOSTS).`;
      return Response.json(
        { error: { code: "misdirected_request", message } },
        { status: 421, headers: { ...securityHeaders({ https }), "Content-Security-Policy": API_CSP } },
      );
    }
  }

  if (pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    for (const [k, v] of Object.entries({ ...securityHeaders({ https }), "Content-Security-Policy": API_CSP })) {
      response.headers.set(k, v);
    }
    return response;
  }

  if (!PUBLIC_PAGES.test(pathname) && !request.cookies.getAll().some((c) => c.name.endsWith("sluice.session_token"))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp({ nonce, dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries({ ...securityHeaders({ https }), "Content-Security-Policy": csp })) {
    response.headers.set(k, v);
  }
  return response;
}

export const config = {
  // Everything but Next's build assets and the public files (icons, the shared worker's script).
  matcher: ["/((?!_next/|favicon.ico|icon.svg|sluice-stream-worker.js).*)"],
};
