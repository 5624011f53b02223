import "server-only";
import { processState } from "@/server/process-state";
import { createHmac } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { AlertChannel } from "@/lib/alerts/rules";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/prisma";

type Rule = { id: string; clusterId: string; name: string };
type Payload = Record<string, unknown> & { message: string; cluster: string; subject: string; state: string };

/** Attempts before a notification is given up (status "failed"); backoff doubles from SLUICE_NOTIFY_BACKOFF_MS (5 s) up to 10 min. */
export const MAX_ATTEMPTS = 8;
const backoffBase = () => Number(process.env.SLUICE_NOTIFY_BACKOFF_MS ?? 5_000);
const SEND_TIMEOUT_MS = 10_000;
/** A claimed row is invisible to other workers this long (a worker that died mid-send frees it after this). */
const CLAIM_MS = 60_000;

const isUnique = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

/**
 * Queues one notification per channel, keyed `<base>:<channel index>`: the same transition queued twice (two
 * evaluations racing, a replayed tick) is stored once. Delivery happens in the outbox worker, never in the sampler.
 */
export async function enqueueNotification(
  rule: Rule,
  channels: AlertChannel[],
  base: string,
  payload: Payload,
): Promise<void> {
  for (const [i, channel] of channels.entries()) {
    try {
      await prisma.notificationOutbox.create({
        data: {
          idempotencyKey: `${base}:${i}`,
          ruleId: rule.id,
          clusterId: rule.clusterId,
          channelType: channel.type,
          channel: JSON.stringify(channel),
          payload: JSON.stringify({ ...payload, idempotencyKey: `${base}:${i}` }),
        },
      });
    } catch (error) {
      if (!isUnique(error)) throw error;
    }
  }
}

function slackText(p: Payload): string {
  const icon =
    p.state === "resolved" ? ":white_check_mark:" : p.state === "event" ? ":information_source:" : ":rotating_light:";
  return `${icon} *${p.state.toUpperCase()}* [${p.cluster}] ${p.message}`;
}

let mailer: { key: string; transport: Transporter } | null = null;

/** Sends one notification; throws with a short reason on any failure (non-2xx, timeout, SMTP refusal). */
export async function send(channel: AlertChannel, payload: Payload): Promise<string> {
  if (channel.type === "webhook" || channel.type === "slack") {
    const body =
      channel.type === "webhook"
        ? JSON.stringify(payload)
        : JSON.stringify({
            text: slackText(payload),
            blocks: [{ type: "section", text: { type: "mrkdwn", text: slackText(payload) } }],
          });
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Sluice-Alerts",
      "x-sluice-idempotency-key": String(payload.idempotencyKey ?? ""),
    };
    if (channel.type === "webhook" && channel.secret) {
      headers["x-sluice-signature"] = `sha256=${createHmac("sha256", channel.secret).update(body).digest("hex")}`;
    }
    const res = await fetch(channel.url, {
      method: "POST",
      headers,
      body,
      redirect: "error",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    if (!res.ok) throw new Error(`HTTP ${res.status} from the receiver`);
    return `HTTP ${res.status}`;
  }
  const smtp = getConfig().notifications.smtp;
  if (!smtp) throw new Error("no SMTP server is configured (notifications.smtp)");
  const key = JSON.stringify(smtp);
  if (mailer?.key !== key) {
    mailer = {
      key,
      transport: nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
        connectionTimeout: SEND_TIMEOUT_MS,
        greetingTimeout: SEND_TIMEOUT_MS,
        socketTimeout: SEND_TIMEOUT_MS,
      }),
    };
  }
  const info = await mailer.transport.sendMail({
    from: smtp.from,
    to: channel.to,
    subject: `[Sluice ${payload.state}] ${payload.cluster}: ${payload.message}`.slice(0, 250),
    text: `${payload.message}\n\nCluster: ${payload.cluster}\nSubject: ${payload.subject}\nState: ${payload.state}\nAt: ${String(payload.at)}\n`,
    headers: { "X-Sluice-Idempotency-Key": String(payload.idempotencyKey ?? "") },
  });
  return `SMTP ${info.response ?? "accepted"}`.slice(0, 500);
}

/**
 * Delivers what is due: claims each row with a conditional update (so replicas never send the same row at once),
 * sends it, and records the attempt. A failure is retried with doubling backoff until MAX_ATTEMPTS. Rows survive
 * restarts, so a notification queued before a restart is sent after it (at least once; receivers dedupe by key).
 */
export async function deliverDue(limit = 20, now = new Date()): Promise<number> {
  const due = await prisma.notificationOutbox.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  let sent = 0;
  await Promise.all(
    due.map(async (row) => {
      const claimed = await prisma.notificationOutbox.updateMany({
        where: { id: row.id, status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
        data: { lockedUntil: new Date(Date.now() + CLAIM_MS) },
      });
      if (claimed.count !== 1) return;
      const attempts = row.attempts + 1;
      try {
        const detail = await send(JSON.parse(row.channel) as AlertChannel, JSON.parse(row.payload) as Payload);
        await prisma.$transaction([
          prisma.notificationOutbox.update({
            where: { id: row.id },
            data: { status: "sent", attempts, sentAt: new Date(), lockedUntil: null, lastError: null },
          }),
          prisma.notificationAttempt.create({ data: { outboxId: row.id, ruleId: row.ruleId, ok: true, detail } }),
        ]);
        sent++;
      } catch (error) {
        const reason = (
          error instanceof Error ? (error.name === "TimeoutError" ? "timed out" : error.message) : String(error)
        ).slice(0, 500);
        const giveUp = attempts >= MAX_ATTEMPTS;
        await prisma.$transaction([
          prisma.notificationOutbox.update({
            where: { id: row.id },
            data: {
              status: giveUp ? "failed" : "pending",
              attempts,
              lastError: reason,
              lockedUntil: null,
              nextAttemptAt: new Date(Date.now() + Math.min(backoffBase() * 2 ** (attempts - 1), 600_000)),
            },
          }),
          prisma.notificationAttempt.create({
            data: { outboxId: row.id, ruleId: row.ruleId, ok: false, detail: reason },
          }),
        ]);
      }
    }),
  );
  return sent;
}

/** The outbox worker (every replica runs one; claims keep them apart). SLUICE_OUTBOX_POLL_MS, default 1 s. */
export function startOutbox(): void {
  const timer = processState("OutboxTimer", () => ({ current: undefined as NodeJS.Timeout | undefined }));
  if (timer.current) return;
  let running = false;
  timer.current = setInterval(
    () => {
      if (running) return;
      running = true;
      void deliverDue()
        .catch((e: Error) => console.warn(`Sluice: notification delivery failed: ${e.message}`))
        .finally(() => (running = false));
    },
    Number(process.env.SLUICE_OUTBOX_POLL_MS ?? 1_000),
  );
  timer.current.unref();
}
