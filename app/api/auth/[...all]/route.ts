import { getAuth } from "@/server/auth/auth";

export const dynamic = "force-dynamic";

// better-auth's own endpoints, limited to what Sluice uses from the browser: the OIDC redirect and callback and
// the session probe. Email + password sign-in goes through /api/session (throttled and audited there).
const ALLOWED = [
  /^\/api\/auth\/sign-in\/oauth2$/,
  /^\/api\/auth\/oauth2\/callback\/[^/]+$/,
  /^\/api\/auth\/callback\/[^/]+$/,
  /^\/api\/auth\/sign-in\/social$/,
  /^\/api\/auth\/get-session$/,
];

function handle(request: Request): Promise<Response> | Response {
  const { pathname } = new URL(request.url);
  if (!ALLOWED.some((r) => r.test(pathname))) {
    return Response.json({ error: { code: "not_found", message: `No such endpoint: ${pathname}` } }, { status: 404 });
  }
  return getAuth().handler(request);
}

export const GET = handle;
export const POST = handle;
