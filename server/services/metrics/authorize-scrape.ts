import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { getConfig } from "@/server/config";
import { isGlobalAdmin } from "@/server/auth/permissions";
import { getActor } from "@/server/auth/session";
import { ApiError } from "@/server/http/api-error";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may read /api/metrics: a scraper presenting the configured bearer token (`prometheus.token`), or a signed-in
 * admin of every cluster (the figures span all clusters). A wrong token is refused even with a session cookie.
 */
export async function authorizeScrape(request: Request): Promise<void> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = getConfig().prometheus.token;
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!token) {
      throw new ApiError(
        "unauthorized",
        "No metrics token is configured (prometheus.token); sign in as an admin instead.",
      );
    }
    if (!presented || !timingSafeEqual(digest(presented), digest(token))) {
      throw new ApiError("unauthorized", "The metrics bearer token is not valid.");
    }
    return;
  }
  const actor = await getActor(request);
  if (!actor) {
    throw new ApiError("unauthorized", "Reading metrics needs the configured bearer token or an admin session.");
  }
  if (!isGlobalAdmin(actor)) {
    throw new ApiError(
      "forbidden",
      "Only admins of every cluster (or a scraper with the metrics token) may read metrics.",
    );
  }
}
