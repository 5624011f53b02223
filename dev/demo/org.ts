// The demo organisation, seeded through Sluice's own REST API (so every step is validated and audited as a user's
// would be): two teams, a user per role, the services' principals with SCRAM credentials and ACLs, one approved
// cross-team grant, one pending topic request and one pending cross-team access request.
// Run by dev/demo.sh once Sluice answers:  tsx dev/demo/org.ts <base url>   (idempotent: a second run changes nothing)
const BASE = process.argv[2] ?? "http://127.0.0.1:3000";
const CLUSTER = "local";
const ADMIN = {
  email: process.env.SLUICE_ADMIN_EMAIL ?? "admin@sluice.local",
  password: process.env.SLUICE_ADMIN_PASSWORD ?? "sluice-admin",
};

type Session = { cookie: string };
type Team = { id: string; name: string };

async function call<T>(
  s: Session | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(s ? { cookie: s.cookie } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Any 2xx, or 409 (already there from an earlier run); anything else stops the seeding with the reason. */
function expectOk(what: string, r: { status: number; body: unknown }) {
  if (r.status < 300 || r.status === 409) return;
  throw new Error(`demo org: ${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
}

async function signIn(email: string, password: string): Promise<Session> {
  const res = await fetch(`${BASE}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`demo org: sign-in of ${email} answered ${res.status}`);
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

const USERS = [
  {
    email: "checkout-dev@sluice.local",
    name: "Chris (checkout developer)",
    password: "checkout-dev-demo",
    role: "viewer",
    team: "checkout",
  },
  {
    email: "checkout-lead@sluice.local",
    name: "Casey (checkout approver)",
    password: "checkout-lead-demo",
    role: "approver",
    team: "checkout",
  },
  {
    email: "analytics-dev@sluice.local",
    name: "Alex (analytics developer)",
    password: "analytics-dev-demo",
    role: "viewer",
    team: "analytics",
  },
  {
    email: "analytics-lead@sluice.local",
    name: "Avery (analytics approver)",
    password: "analytics-lead-demo",
    role: "approver",
    team: "analytics",
  },
  { email: "ops@sluice.local", name: "Olu (operator)", password: "ops-demo-pass", role: "operator", team: "checkout" },
] as const;

const PRINCIPALS = [
  {
    principal: "User:orders-svc",
    team: "checkout",
    description: "orders service: publishes shop.orders",
    password: "orders-svc-demo-secret",
  },
  {
    principal: "User:payments-svc",
    team: "checkout",
    description: "payments service: publishes shop.payments",
    password: "payments-svc-demo-secret",
  },
  {
    principal: "User:analytics-etl",
    team: "analytics",
    description: "analytics pipeline: reads shop events",
    password: "analytics-etl-demo-secret",
  },
] as const;

async function main() {
  const admin = await signIn(ADMIN.email, ADMIN.password);
  for (const t of [
    { name: "checkout", prefixes: ["shop."] },
    { name: "analytics", prefixes: ["analytics."] },
  ]) {
    expectOk(`team ${t.name}`, await call(admin, "POST", "/api/teams", t));
  }
  const teams = (await call<{ teams: Team[] }>(admin, "GET", "/api/teams")).body.teams;
  const teamId = (name: string) => teams.find((t) => t.name === name)!.id;

  for (const u of USERS) {
    expectOk(
      `user ${u.email}`,
      await call(admin, "POST", "/api/users", {
        email: u.email,
        name: u.name,
        password: u.password,
        roles: { [CLUSTER]: u.role },
        teamIds: [teamId(u.team)],
      }),
    );
  }
  for (const p of PRINCIPALS) {
    expectOk(
      `principal ${p.principal}`,
      await call(admin, "POST", `/api/clusters/${CLUSTER}/principals`, {
        principal: p.principal,
        teamId: teamId(p.team),
        description: p.description,
      }),
    );
    const name = p.principal.slice("User:".length);
    expectOk(
      `SCRAM user ${name}`,
      await call(admin, "POST", `/api/clusters/${CLUSTER}/scram-users`, {
        name,
        mechanism: "SCRAM-SHA-512",
        password: p.password,
      }),
    );
  }
  // The checkout services' own ACLs (what an admin set up before self-service existed).
  const allow = (
    principal: string,
    resourceType: string,
    resourceName: string,
    operation: string,
    patternType = "LITERAL",
  ) => ({ principal, resourceType, resourceName, patternType, operation, permission: "ALLOW", host: "*" });
  for (const b of [
    allow("User:orders-svc", "TOPIC", "shop.orders", "WRITE"),
    allow("User:orders-svc", "TOPIC", "shop.inventory", "READ"),
    allow("User:orders-svc", "GROUP", "shop-", "READ", "PREFIXED"),
    allow("User:payments-svc", "TOPIC", "shop.payments", "WRITE"),
    allow("User:payments-svc", "TOPIC", "shop.orders", "READ"),
  ]) {
    expectOk(
      `ACL ${b.principal} ${b.operation} ${b.resourceName}`,
      await call(admin, "POST", `/api/clusters/${CLUSTER}/acls`, b),
    );
  }

  // Self-service: analytics asks checkout for its shipments (approved), its orders (pending), and a topic of its own.
  const dev = await signIn("analytics-dev@sluice.local", "analytics-dev-demo");
  const lead = await signIn("checkout-lead@sluice.local", "checkout-lead-demo");
  const existing = (
    await call<{ requests: { kind: string; topicName: string; status: string }[] }>(
      dev,
      "GET",
      `/api/clusters/${CLUSTER}/requests?scope=mine`,
    )
  ).body.requests;
  const asked = (kind: string, topic: string) => existing.some((r) => r.kind === kind && r.topicName === topic);
  const access = (topic: string, group: string, why: string) => ({
    kind: "access",
    teamId: teamId("analytics"),
    principal: "User:analytics-etl",
    resource: { name: topic, patternType: "LITERAL" },
    operations: ["READ"],
    group: { name: group, patternType: "LITERAL" },
    justification: why,
  });
  if (!asked("access", "shop.shipments")) {
    const r = await call<{ id: string }>(
      dev,
      "POST",
      `/api/clusters/${CLUSTER}/requests`,
      access("shop.shipments", "analytics.delivery-times", "The delivery-time report reads every shipment event."),
    );
    expectOk("access request shop.shipments", r);
    if (r.status === 201) {
      expectOk(
        "approval of shop.shipments",
        await call(lead, "POST", `/api/clusters/${CLUSTER}/requests/${r.body.id}/decision`, {
          decision: "approve",
          comment: "Read-only, fine.",
        }),
      );
    }
  }
  if (!asked("access", "shop.orders")) {
    expectOk(
      "access request shop.orders",
      await call(
        dev,
        "POST",
        `/api/clusters/${CLUSTER}/requests`,
        access("shop.orders", "analytics.revenue", "The daily revenue dashboard needs every order."),
      ),
    );
  }
  if (!asked("create", "analytics.daily-revenue")) {
    expectOk(
      "topic request analytics.daily-revenue",
      await call(dev, "POST", `/api/clusters/${CLUSTER}/requests`, {
        kind: "create",
        teamId: teamId("analytics"),
        topicName: "analytics.daily-revenue",
        partitions: 3,
        replicationFactor: 1,
        configs: { "retention.ms": String(30 * 24 * 3600_000) },
        access: [{ principal: "User:analytics-etl", operations: ["WRITE"] }],
        justification: "The revenue job publishes one summary per day for the finance dashboards.",
      }),
    );
  }

  console.log("  Demo organisation (cluster Local): teams checkout (shop.) and analytics (analytics.)");
  for (const u of USERS) console.log(`    ${u.email.padEnd(30)} ${u.password.padEnd(22)} ${u.role} in ${u.team}`);
  console.log("  Service principals (SCRAM-SHA-512 on the SASL listener):");
  for (const p of PRINCIPALS) console.log(`    ${p.principal.padEnd(22)} ${p.password.padEnd(28)} ${p.team}`);
  console.log(
    "  Waiting for a decision: checkout-lead decides analytics' access to shop.orders; analytics-lead the topic analytics.daily-revenue.",
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
