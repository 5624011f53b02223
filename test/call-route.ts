type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls an exported route handler the way Next does, and returns status, headers and parsed JSON body. */
export async function callRoute<T = unknown>(handler: Handler, url: string, params: Record<string, string> = {}, init?: RequestInit) {
  const res = await handler(new Request(`http://sluice.test${url}`, init), { params: Promise.resolve(params) });
  const body = (await res.json()) as T;
  return { status: res.status, headers: res.headers, body };
}

export type Envelope = { error: { code: string; message: string; requestId: string; details?: { path: string; issue: string }[] } };
