import { GET as metricsStream } from "../metrics/stream/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The cluster's live stream (same as /metrics/stream): metrics, lag, topics-changed, heartbeat, error. */
export const GET = metricsStream;
