/**
 * Security headers for every response (proxy.ts). Pages get a nonce-based Content-Security-Policy: Next.js reads
 * the nonce from the request's CSP header and puts it on its own scripts; 'strict-dynamic' lets those load the
 * page's chunks. Styles allow inline: React renders `style` attributes (charts, tooltips), which a nonce cannot
 * cover. API responses (JSON, SSE) get a policy that allows nothing.
 */
export function pageCsp({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The headers sent with every page and API response; HSTS only when Sluice's public URL is https. */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
