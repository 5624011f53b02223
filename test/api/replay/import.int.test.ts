import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/import/route";
import { GET as exportRoute } from "@/app/api/clusters/[clusterId]/topics/[topicName]/messages/export/route";
import type { ImportResult } from "@/lib/schemas/import";
import { prisma } from "@/server/db/prisma";
import { asAdmin } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { BOOTSTRAP } from "../../infra";
import { createTestTopic, testAdmin } from "../../kafka-admin";

const admin = testAdmin();
const topics: string[] = [];

const createTopic = (prefix: string, partitions = 1) => createTestTopic(admin, topics, prefix, partitions);
const kcatRead = (topic: string) =>
  execFileSync("kcat", ["-C", "-b", BOOTSTRAP, "-t", topic, "-e", "-q", "-f", "%p|%k|%s|%h|%T\n"], { timeout: 20_000 })
    .toString()
    .trim()
    .split("\n")
    .filter(Boolean)
    .sort();
const load = (topic: string, body: unknown, dryRun = false) =>
  callRoute<ImportResult & Envelope>(
    importRoute,
    `/api/clusters/local/topics/${topic}/import${dryRun ? "?dryRun=true" : ""}`,
    { clusterId: "local", topicName: topic },
    { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } },
  );

beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
});

describe("import JSON Lines", () => {
  it("loads Sluice's own export into another topic: keys, values (text and binary), headers, partitions, timestamps", async () => {
    const source = await createTopic("imp-src", 2);
    const dest = await createTopic("imp-dst", 2);
    execFileSync("kcat", ["-P", "-b", BOOTSTRAP, "-t", source, "-K", "\t", "-p", "1", "-H", "trace=x1"], {
      input: 'a\t{"n":1}\nb\tplain text\n',
    });
    execFileSync("kcat", ["-P", "-b", BOOTSTRAP, "-t", source, "-p", "0"], {
      input: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a]),
    });
    const res = await exportRoute(
      new Request(`http://sluice.test/api/clusters/local/topics/${source}/messages/export?start=oldest`, {
        headers: await asAdmin(),
      }),
      { params: Promise.resolve({ clusterId: "local", topicName: source }) },
    );
    const jsonl = await res.text();
    const dry = await load(dest, { jsonl, keepPartition: true, keepTimestamps: true }, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, lines: 3, valid: 3, written: 0 });
    expect(kcatRead(dest)).toEqual([]);
    const done = await load(dest, { jsonl, keepPartition: true, keepTimestamps: true });
    expect(done.status).toBe(200);
    expect(done.body.written).toBe(3);
    expect(kcatRead(dest)).toEqual(kcatRead(source));
    expect((await prisma.auditEvent.findFirst({ where: { action: "messages.import", target: dest } }))?.result).toBe(
      "success",
    );
  });

  it("writes nothing when a line is invalid and lists the line numbers; skipInvalid writes the valid lines", async () => {
    const dest = await createTopic("imp-bad");
    const good = JSON.stringify({
      key: { encoding: "string", text: "k" },
      value: { encoding: "string", text: "v" },
      headers: [],
    });
    const jsonl = [
      good,
      "{not json",
      JSON.stringify({ key: { encoding: "avro", text: "{}" }, value: { encoding: "string", text: "x" } }),
      good,
    ].join("\n");
    const refused = await load(dest, { jsonl });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details?.map((d) => d.path)).toEqual(["line 2", "line 3"]);
    expect(refused.body.error.details?.[1].issue).toMatch(/cannot be re-encoded/);
    expect(kcatRead(dest)).toEqual([]);
    const partial = await load(dest, { jsonl, skipInvalid: true });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ lines: 4, valid: 2, written: 2 });
    expect(partial.body.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(kcatRead(dest)).toHaveLength(2);
  });
});
