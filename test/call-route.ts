import { asAdmin } from "./auth";
import { checkResponse } from "./openapi-check";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Calls an exported route handler the way Next does, and returns status, headers and parsed JSON body. Acts as the
 * test admin unless init carries its own cookie header; `anonymous: true` sends no cookie at all. Every answer is
 * checked against /api/openapi.json (test/openapi-check.ts): a route whose answer the document does not describe
 * fails the test that called it.
 */
export async function callRoute<T = unknown>(
  handler: Handler,
  url: string,
  params: Record<string, string> = {},
  init?: RequestInit & { anonymous?: boolean },
) {
  const { anonymous, ...rest } = init ?? {};
  const headers = anonymous ? new Headers(rest.headers) : await asAdmin(rest.headers);
  const res = await handler(new Request(`http://sluice.test${url}`, { ...rest, headers }), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  const body = (text ? JSON.parse(text) : null) as T;
  checkResponse(handler, rest.method ?? "GET", url, res.status, res.headers.get("content-type"), body, text.length > 0);
  return { status: res.status, headers: res.headers, body };
}

export type Envelope = {
  error: { code: string; message: string; requestId: string; details?: { path: string; issue: string }[] };
};
