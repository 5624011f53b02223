import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getGroup } from "@/app/api/clusters/[clusterId]/consumer-groups/[groupId]/route";
import { GET as getPolicy } from "@/app/api/clusters/[clusterId]/policy/route";
import { GET as requestStream } from "@/app/api/clusters/[clusterId]/requests/stream/route";
import { GET as browse, POST as produce } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/route";
import { GET as messageStream } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/stream/route";
import { POST as signIn } from "@/app/api/session/route";
import { POST as setup } from "@/app/api/setup/route";
import { activeMessageSessions } from "@/server/messages/sessions";
import { callRoute, type Envelope } from "../../call-route";
import { testUser } from "../../auth";
import { testAdmin, uniqueTopic } from "../../kafka-admin";

const admin = testAdmin();
const topics: string[] = [];
beforeAll(async () => {
  await admin.connect();
});
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
});

function expectEnvelope(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect((res.body as Envelope).error).toMatchObject({
    code,
    message: expect.any(String),
    requestId: expect.any(String),
  });
}

/** A body sent as a stream without Content-Length, the way a client that lies about (or omits) it would. */
function streamedBody(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= size) return c.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, size - sent)).fill(0x20);
      sent += chunk.length;
      c.enqueue(chunk);
    },
  });
}

describe("malformed percent-encoding in path parameters (finding 7)", () => {
  it("answers 400 in the envelope, never 500", async () => {
    expectEnvelope(
      await callRoute(getGroup, "/api/clusters/local/consumer-groups/%25", { clusterId: "local", groupId: "%" }),
      400,
      "bad_request",
    );
    expectEnvelope(await callRoute(getPolicy, "/api/clusters/%25/policy", { clusterId: "%" }), 400, "bad_request");
    expectEnvelope(
      await callRoute(getGroup, "/api/clusters/local/consumer-groups/%E0%A4%A", {
        clusterId: "local",
        groupId: "%E0%A4%A",
      }),
      400,
      "bad_request",
    );
    const once = await callRoute(getPolicy, "/api/clusters/%25/policy", { clusterId: "%25" });
    expect(once.status).toBeLessThan(500);
  });
});

describe("request body limits (finding 6)", () => {
  it("refuses an oversize sign-in or setup body with 413 before parsing it, even without Content-Length", async () => {
    const big = JSON.stringify({ email: "a@b.c", password: "x".repeat(2 * 1024 * 1024) });
    const signed = await callRoute(
      signIn,
      "/api/session",
      {},
      { method: "POST", headers: { "content-type": "application/json" }, body: big, anonymous: true },
    );
    expectEnvelope(signed, 413, "payload_too_large");
    const streamed = await callRoute(setup, "/api/setup", {}, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: streamedBody(2 * 1024 * 1024),
      duplex: "half",
      anonymous: true,
    } as RequestInit);
    expectEnvelope(streamed, 413, "payload_too_large");
  });

  it("lets produce bodies grow with the topic's max.message.bytes, and no further", async () => {
    const topic = uniqueTopic("limits.produce");
    topics.push(topic);
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, configEntries: [{ name: "max.message.bytes", value: "200000" }] }],
    });
    const send = (bytes: number) =>
      callRoute(
        produce,
        `/api/clusters/local/topics/${topic}/messages`,
        { clusterId: "local", topicName: topic },
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ value: { format: "string", data: "v".repeat(bytes) } }),
        },
      );
    // Above the 64 KiB default, within the topic's limit: accepted.
    expect((await send(150_000)).status).toBe(201);
    // Far beyond what the topic's 200 kB could carry, even escaped: refused before parsing.
    expectEnvelope(await send(2 * 1024 * 1024), 413, "payload_too_large");
  });
});

describe("per-user caps (finding 13)", () => {
  it("caps message sessions per user: one user cannot take every slot of a cluster", async () => {
    const a = await testUser("limits-a@sluice.test", { "local-capped": "viewer" });
    const b = await testUser("limits-b@sluice.test", { "local-capped": "viewer" });
    const topic = uniqueTopic("limits.sessions");
    topics.push(topic);
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic }] });
    const open = (cookie: string) => {
      const abort = new AbortController();
      const res = messageStream(
        new Request(
          `http://sluice.test/api/clusters/local-capped/topics/${topic}/messages/stream?start=end&follow=true`,
          { signal: abort.signal, headers: { cookie } },
        ),
        {
          params: Promise.resolve({ clusterId: "local-capped", topicName: topic }),
        },
      );
      return { res, abort };
    };
    const first = open(a.cookie);
    expect((await first.res).status).toBe(200);
    const second = await callRoute(
      browse,
      `/api/clusters/local-capped/topics/${topic}/messages?start=oldest`,
      { clusterId: "local-capped", topicName: topic },
      { headers: { cookie: a.cookie } },
    );
    expectEnvelope(second, 429, "rate_limited");
    expect((second.body as Envelope).error.message).toMatch(/limit per user is 1/);
    const other = await callRoute(
      browse,
      `/api/clusters/local-capped/topics/${topic}/messages?start=oldest`,
      { clusterId: "local-capped", topicName: topic },
      { headers: { cookie: b.cookie } },
    );
    expect(other.status).toBe(200);
    first.abort.abort();
    await (await first.res).body?.cancel().catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    expect(activeMessageSessions("local-capped")).toBe(0);
    expect(
      (
        await callRoute(
          browse,
          `/api/clusters/local-capped/topics/${topic}/messages?start=oldest`,
          { clusterId: "local-capped", topicName: topic },
          { headers: { cookie: a.cookie } },
        )
      ).status,
    ).toBe(200);
  });

  it("caps SSE connections per user (limits.maxSseConnectionsPerUser, default 10) and frees a slot when the client goes", async () => {
    const user = await testUser("limits-sse@sluice.test", { local: "viewer" });
    const open = () => {
      const abort = new AbortController();
      const res = requestStream(
        new Request("http://sluice.test/api/clusters/local/requests/stream", {
          signal: abort.signal,
          headers: { cookie: user.cookie },
        }),
        { params: Promise.resolve({ clusterId: "local" }) },
      );
      return { res, abort };
    };
    const conns = Array.from({ length: 10 }, open);
    expect((await Promise.all(conns.map((c) => c.res))).map((r) => r.status)).toEqual(Array(10).fill(200));
    const refused = await callRoute(
      requestStream,
      "/api/clusters/local/requests/stream",
      { clusterId: "local" },
      { headers: { cookie: user.cookie } },
    );
    expectEnvelope(refused, 429, "rate_limited");
    // Another user is not affected.
    const other = await testUser("limits-sse-2@sluice.test", { local: "viewer" });
    const theirs = await requestStream(
      new Request("http://sluice.test/api/clusters/local/requests/stream", { headers: { cookie: other.cookie } }),
      { params: Promise.resolve({ clusterId: "local" }) },
    );
    expect(theirs.status).toBe(200);
    await theirs.body?.cancel();
    conns[0].abort.abort();
    await new Promise((r) => setTimeout(r, 50));
    const again = open();
    expect((await again.res).status).toBe(200);
    for (const c of [...conns, again]) {
      c.abort.abort();
      await (await c.res).body?.cancel().catch(() => {});
    }
  });
});
