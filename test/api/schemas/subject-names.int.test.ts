import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as checkCompat } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/compatibility/route";
import { PUT as putSubjectConfig } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/config/route";
import {
  DELETE as deleteSubject,
  GET as getSubject,
} from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/route";
import { POST as register } from "@/app/api/clusters/[clusterId]/schemas/subjects/[subject]/versions/route";
import { testTeam, testUser, jsonAs, type TestUser } from "../../auth";
import { callRoute, type Envelope } from "../../call-route";
import { purgeSubjects, registry } from "../../registry-admin";

const url = (subject: string, rest = "") =>
  `/api/clusters/local/schemas/subjects/${encodeURIComponent(subject)}${rest}`;
const SCHEMA = JSON.stringify({
  type: "record",
  name: "Sub",
  namespace: "it.sluice",
  fields: [{ name: "id", type: "string" }],
});

const run = Date.now().toString(36);
const victim = `it.snb.${run}-value`;
let opA: TestUser;
beforeAll(async () => {
  opA = await testUser("subj-op-a@sluice.test", { local: "operator" }, [await testTeam("it-subj-a", ["it.sna."])]);
  expect(
    (await registry(`/subjects/${encodeURIComponent(victim)}/versions`, { method: "POST", body: { schema: SCHEMA } }))
      .status,
  ).toBe(200);
});
// (hostile names too: on a build without the check they would have been registered)
afterAll(() => purgeSubjects([victim, `it.sna./../it.snb.${run}-value`]));

describe("subject names with path syntax are refused", () => {
  const hostile = [
    `it.sna./../it.snb.${run}-value`,
    `it.sna.%2F..%2Fit.snb.${run}-value`,
    `it.sna.${run}\\..\\x-value`,
    `it.sna.${run}..-value`,
    `it.sna.${run}?x=1`,
  ];

  it("in every schema route's path, before reaching the registry (422 in the envelope)", async () => {
    for (const subject of hostile) {
      const params = { clusterId: "local", subject };
      const calls = [
        await callRoute<Envelope>(register, url(subject, "/versions"), params, jsonAs("POST", { schema: SCHEMA }, opA)),
        await callRoute<Envelope>(
          checkCompat,
          url(subject, "/compatibility"),
          params,
          jsonAs("POST", { schema: SCHEMA }, opA),
        ),
        await callRoute<Envelope>(
          putSubjectConfig,
          url(subject, "/config"),
          params,
          jsonAs("PUT", { compatibility: "NONE" }, opA),
        ),
        await callRoute<Envelope>(deleteSubject, url(subject), params, {
          method: "DELETE",
          headers: { cookie: opA.cookie },
        }),
        await callRoute<Envelope>(getSubject, url(subject), params, { headers: { cookie: opA.cookie } }),
      ];
      for (const res of calls) {
        expect(res.status, subject).toBe(422);
        expect(res.body.error.code).toBe("unprocessable_entity");
        expect(res.body.error.message).toContain("subject");
      }
    }
    // Team B's subject is untouched: still one version, default compatibility.
    const versions = await registry<number[]>(`/subjects/${encodeURIComponent(victim)}/versions`);
    expect(versions.body).toEqual([1]);
  });

  it("in bodies (schema references)", async () => {
    const subject = `it.sna.${run}-value`;
    const res = await callRoute<Envelope>(
      checkCompat,
      url(subject, "/compatibility"),
      { clusterId: "local", subject },
      jsonAs(
        "POST",
        { schema: SCHEMA, references: [{ name: "x", subject: `it.sna./../it.snb.${run}-value`, version: 1 }] },
        opA,
      ),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details![0].path).toBe("references.0.subject");
  });
});
