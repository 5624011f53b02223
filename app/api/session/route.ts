import { signInBodySchema, SessionUserSchema } from "@/lib/schemas/accounts";
import { defineRoute } from "@/server/http/define-route";
import { signIn, signOut } from "@/server/services/accounts/sign-in";

export const dynamic = "force-dynamic";

/** Sign in with email + password: sets the HTTP-only session cookie. */
export const POST = defineRoute({
  permission: "public",
  response: SessionUserSchema,
  body: signInBodySchema,
  async handler({ body, request, requestId }) {
    const { headers, user } = await signIn(body, request.headers, requestId);
    const res = Response.json({ user });
    for (const cookie of headers.getSetCookie()) res.headers.append("set-cookie", cookie);
    return res;
  },
});

/** Sign out: ends the session and clears the cookie. */
export const DELETE = defineRoute({
  permission: "public",
  response: { 204: null },
  async handler({ request }) {
    const headers = await signOut(request.headers);
    const res = new Response(null, { status: 204 });
    for (const cookie of headers.getSetCookie()) res.headers.append("set-cookie", cookie);
    return res;
  },
});
