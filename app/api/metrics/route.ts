import { defineRoute } from "@/server/http/define-route";
import { renderMetrics } from "@/server/metrics/prometheus";
import { authorizeScrape } from "@/server/services/metrics/authorize-scrape";

export const dynamic = "force-dynamic";

/** Prometheus text exposition of every cluster's figures: bearer token (prometheus.token) or an admin session. */
export const GET = defineRoute({
  permission: "public",
  response: { mediaType: "text/plain" },
  async handler({ request }) {
    await authorizeScrape(request);
    const { body, contentType } = await renderMetrics();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
});
