// The "online shop" demo domain: topics, schemas and traffic that make Sluice's pages worth looking at.
// Run by dev/demo.sh:  tsx dev/demo/shop.ts [--seconds N]   (Ctrl-C / SIGTERM stops it cleanly)
import { SchemaRegistry, SchemaType } from "@kafkajs/confluent-schema-registry";
import { CompressionTypes, Kafka, logLevel, type Consumer, type Producer } from "kafkajs";
import { demoLogCreator } from "./quiet-log";

const BOOTSTRAP = process.env.DEMO_BOOTSTRAP ?? "127.0.0.1:19092";
const REGISTRY = process.env.DEMO_REGISTRY ?? "http://127.0.0.1:18081/apis/ccompat/v7";
const RATE = Number(process.env.DEMO_RATE ?? 5); // orders per second
const secondsArg = process.argv.indexOf("--seconds");
const RUN_SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : Infinity;

// Coordinator errors that kafkajs retries while the groups start are expected; they stay out of the output.
const kafka = new Kafka({
  clientId: "shop-demo",
  brokers: [BOOTSTRAP],
  logLevel: logLevel.ERROR,
  logCreator: demoLogCreator(),
});
const registry = new SchemaRegistry({ host: REGISTRY });

const TOPICS = [
  {
    topic: "shop.orders",
    numPartitions: 6,
    configEntries: [{ name: "retention.ms", value: String(7 * 24 * 3600_000) }],
  },
  { topic: "shop.payments", numPartitions: 3, configEntries: [] },
  { topic: "shop.shipments", numPartitions: 3, configEntries: [] },
  { topic: "shop.inventory", numPartitions: 3, configEntries: [{ name: "cleanup.policy", value: "compact" }] },
];

const paymentSchema = {
  type: "record",
  name: "Payment",
  namespace: "shop.payments",
  fields: [
    { name: "paymentId", type: "string" },
    { name: "orderId", type: "string" },
    { name: "amountCents", type: "long" },
    { name: "currency", type: "string" },
    { name: "method", type: { type: "enum", name: "Method", symbols: ["CARD", "PAYPAL", "INVOICE"] } },
    { name: "capturedAt", type: { type: "long", logicalType: "timestamp-millis" } },
    // Card payments carry the card; the demo cluster's masking rule hides its number from every view.
    {
      name: "card",
      type: [
        "null",
        {
          type: "record",
          name: "Card",
          fields: [
            { name: "holder", type: "string" },
            { name: "number", type: "string" },
          ],
        },
      ],
      default: null,
    },
  ],
};

const orderSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Order",
  type: "object",
  required: ["orderId", "customerId", "items", "totalCents"],
  properties: {
    orderId: { type: "string" },
    customerId: { type: "string" },
    items: {
      type: "array",
      items: {
        type: "object",
        properties: { sku: { type: "string" }, qty: { type: "integer" }, priceCents: { type: "integer" } },
      },
    },
    totalCents: { type: "integer" },
    placedAt: { type: "string" },
  },
};

const SKUS = ["mug-blue", "mug-red", "tee-s", "tee-m", "tee-l", "cap", "socks", "poster"];
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
const id = (p: string) => `${p}-${Math.random().toString(36).slice(2, 10)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ensureTopics() {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = TOPICS.filter((t) => !existing.has(t.topic));
  if (missing.length) await admin.createTopics({ topics: missing, waitForLeaders: true });
  await admin.disconnect();
  console.log(`demo: topics ready (${TOPICS.map((t) => t.topic).join(", ")})`);
}

async function registerSchemas() {
  const { id: paymentSchemaId } = await registry.register(
    { type: SchemaType.AVRO, schema: JSON.stringify(paymentSchema) },
    { subject: "shop.payments-value" },
  );
  const { id: orderSchemaId } = await registry.register(
    { type: SchemaType.JSON, schema: JSON.stringify(orderSchema) },
    { subject: "shop.orders-value" },
  );
  console.log(
    `demo: schemas registered (shop.payments-value Avro id ${paymentSchemaId}, shop.orders-value JSON Schema id ${orderSchemaId})`,
  );
  return { paymentSchemaId };
}

async function produceLoop(producer: Producer, paymentSchemaId: number, stop: AbortSignal) {
  let n = 0;
  while (!stop.aborted) {
    const orderId = id("ord");
    const items = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
      sku: pick(SKUS),
      qty: 1 + Math.floor(Math.random() * 3),
      priceCents: 500 + Math.floor(Math.random() * 3000),
    }));
    const totalCents = items.reduce((s, i) => s + i.qty * i.priceCents, 0);
    const headers = { source: "shop-web", "trace-id": id("tr"), "content-type": "application/json" };
    const order = { orderId, customerId: id("cus"), items, totalCents, placedAt: new Date().toISOString() };
    const method = pick(["CARD", "PAYPAL", "INVOICE"]);
    const card =
      method === "CARD"
        ? {
            holder: pick(["A. Jansen", "M. Rossi", "K. Schmidt"]),
            number: `4111-1111-1111-${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`,
          }
        : null;
    const payment = await registry.encode(paymentSchemaId, {
      paymentId: id("pay"),
      orderId,
      amountCents: totalCents,
      currency: "EUR",
      method,
      capturedAt: Date.now(),
      card,
    });
    await producer.sendBatch({
      compression: CompressionTypes.GZIP,
      topicMessages: [
        { topic: "shop.orders", messages: [{ key: orderId, value: JSON.stringify(order), headers }] },
        {
          topic: "shop.payments",
          messages: [
            { key: orderId, value: payment, headers: { source: "payments-svc", "trace-id": headers["trace-id"] } },
          ],
        },
        ...(n % 2 === 0
          ? [
              {
                topic: "shop.shipments",
                messages: [
                  {
                    key: orderId,
                    value: JSON.stringify({
                      orderId,
                      carrier: pick(["DHL", "UPS", "PostNL"]),
                      status: "LABEL_CREATED",
                    }),
                  },
                ],
              },
            ]
          : []),
        ...items.map((i) => ({
          topic: "shop.inventory",
          messages: [{ key: i.sku, value: JSON.stringify({ sku: i.sku, available: Math.floor(Math.random() * 500) }) }],
        })),
      ],
    });
    n++;
    await sleep(1000 / RATE);
  }
}

/** shop-analytics keeps up; shop-fulfilment is deliberately slow and lags; shop-legacy-billing commits once and stops. */
async function startConsumers(stop: AbortSignal): Promise<Consumer[]> {
  const analytics = kafka.consumer({ groupId: "shop-analytics" });
  await analytics.connect();
  await analytics.subscribe({ topics: ["shop.orders", "shop.payments"], fromBeginning: true });
  await analytics.run({ eachMessage: async () => {} });

  const fulfilment = kafka.consumer({ groupId: "shop-fulfilment" });
  await fulfilment.connect();
  await fulfilment.subscribe({ topics: ["shop.orders"], fromBeginning: true });
  await fulfilment.run({ eachMessage: async () => void (stop.aborted || (await sleep(400))) });

  const legacy = kafka.consumer({ groupId: "shop-legacy-billing" });
  await legacy.connect();
  await legacy.subscribe({ topics: ["shop.payments"], fromBeginning: true });
  let seen = 0;
  await legacy.run({ eachMessage: async () => void seen++ });
  await sleep(3000);
  await legacy.disconnect(); // commits what it read, then stays stopped: its lag grows
  console.log(
    `demo: consumer groups running (shop-analytics keeps up, shop-fulfilment lags, shop-legacy-billing stopped after ${seen} records)`,
  );
  return [analytics, fulfilment];
}

async function main() {
  const stop = new AbortController();
  for (const s of ["SIGINT", "SIGTERM"] as const) process.once(s, () => stop.abort());
  if (Number.isFinite(RUN_SECONDS)) setTimeout(() => stop.abort(), RUN_SECONDS * 1000).unref();

  await ensureTopics();
  const { paymentSchemaId } = await registerSchemas();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const producing = produceLoop(producer, paymentSchemaId, stop.signal);
  const consumers = await startConsumers(stop.signal);
  console.log(`demo: producing about ${RATE} orders/s with payments, shipments and inventory updates`);
  await producing;
  await Promise.allSettled([producer.disconnect(), ...consumers.map((c) => c.disconnect())]);
  console.log("demo: traffic stopped");
}

main().catch((e) => {
  console.error("demo: failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
