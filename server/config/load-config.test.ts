import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clustersFromKafkaUiEnv, ConfigError, EMBEDDED_DEFAULT, loadConfig } from "./load-config";

const dirs: string[] = [];
function withFile(content: string, name = "sluice.yaml") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-cfg-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, name), content);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("loadConfig", () => {
  it("falls back to the embedded local cluster and its read-only view when nothing is configured", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-cfg-"));
    dirs.push(dir);
    const cfg = loadConfig({}, dir);
    expect(cfg.clusters).toHaveLength(2);
    expect(cfg.clusters[0]).toMatchObject({ id: "local", bootstrapServers: ["127.0.0.1:19092"], readOnly: false });
    expect(cfg.clusters[1]).toMatchObject({
      id: "local-readonly",
      bootstrapServers: ["127.0.0.1:19092"],
      readOnly: true,
    });
    expect(cfg.clusters[0].schemaRegistry?.url).toBe(EMBEDDED_DEFAULT.clusters[0].schemaRegistry?.url);
    // The demo's payments show masked card numbers.
    expect(cfg.clusters[0].messages.masking).toEqual([
      expect.objectContaining({ topics: "shop\\.payments", fields: ["card.number"], exemptRoles: [], exemptTeams: [] }),
    ]);
  });

  it("reads clusters, splits comma-separated bootstrap servers and interpolates env secrets", () => {
    const dir = withFile(`
clusters:
  - id: prod
    name: Production
    bootstrapServers: "b1:9092, b2:9092"
    readOnly: true
    sasl: { mechanism: scram-sha-512, username: sluice, password: "\${PROD_PASS}" }
`);
    const cfg = loadConfig({ PROD_PASS: "s3cret" }, dir);
    expect(cfg.clusters[0]).toMatchObject({ id: "prod", bootstrapServers: ["b1:9092", "b2:9092"], readOnly: true });
    expect(cfg.clusters[0].sasl?.password).toBe("s3cret");
  });

  it("names the file, cluster and key of an invalid value", () => {
    const dir = withFile(`
clusters:
  - id: prod
    name: Production
    bootstrapServers: "not-a-host-port"
`);
    expect(() => loadConfig({}, dir)).toThrow(ConfigError);
    expect(() => loadConfig({}, dir)).toThrow(
      /sluice\.yaml: clusters\[0\] \(id "prod"\)\.bootstrapServers\.0: must be host:port/,
    );
  });

  it("rejects unknown keys so typos are not silently ignored", () => {
    const dir = withFile(`clusters:\n  - { id: a, name: A, bootstrapServers: "h:1", readonly: true }\n`);
    expect(() => loadConfig({}, dir)).toThrow(/clusters\[0\] \(id "a"\).*readonly/);
  });

  it("reports a YAML syntax error with its line", () => {
    const dir = withFile(`clusters:\n  - id: a\n   name: [broken\n`);
    expect(() => loadConfig({}, dir)).toThrow(/sluice\.yaml \(line \d+\): not valid YAML/);
  });

  it("refuses duplicate ids, a missing explicit file and an unset secret variable", () => {
    const dup = withFile(
      `clusters:\n  - { id: a, name: A, bootstrapServers: "h:1" }\n  - { id: a, name: B, bootstrapServers: "h:2" }\n`,
    );
    expect(() => loadConfig({}, dup)).toThrow(/cluster id "a" is used twice/);
    expect(() => loadConfig({ SLUICE_CONFIG: "nope.yaml" }, dup)).toThrow(
      /nope\.yaml: SLUICE_CONFIG names this file, but it does not exist/,
    );
    const secret = withFile(
      `clusters:\n  - { id: a, name: A, bootstrapServers: "h:1", sasl: { mechanism: plain, username: u, password: "\${MISSING}" } }\n`,
    );
    expect(() => loadConfig({}, secret)).toThrow(/clusters\.0\.sasl\.password refers to \$\{MISSING\}/);
  });

  it("accepts kafka-ui's KAFKA_CLUSTERS_<n>_* environment form", () => {
    const env = {
      KAFKA_CLUSTERS_0_NAME: "Local Dev",
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "127.0.0.1:19092",
      KAFKA_CLUSTERS_0_SCHEMAREGISTRY: "http://127.0.0.1:18081",
      KAFKA_CLUSTERS_1_NAME: "Audit",
      KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: "a:9092,b:9092",
      KAFKA_CLUSTERS_1_READONLY: "true",
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-cfg-"));
    dirs.push(dir);
    const cfg = loadConfig(env, dir);
    expect(cfg.clusters.map((c) => [c.id, c.readOnly, c.bootstrapServers.length])).toEqual([
      ["local-dev", false, 1],
      ["audit", true, 2],
    ]);
    expect(cfg.clusters[0].schemaRegistry?.url).toBe("http://127.0.0.1:18081");
    expect(clustersFromKafkaUiEnv({})).toEqual([]);
  });

  it("reads Connect clusters from the file and from KAFKA_CLUSTERS_<n>_KAFKACONNECT_<m>_*, and refuses bad ones", () => {
    const env = {
      KAFKA_CLUSTERS_0_NAME: "Dev",
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "127.0.0.1:19092",
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: "first",
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: "http://connect-1:8083",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_NAME: "second",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_ADDRESS: "https://connect-2:8083",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_USERNAME: "u",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_PASSWORD: "p",
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-cfg-"));
    dirs.push(dir);
    expect(loadConfig(env, dir).clusters[0].connect).toEqual([
      { name: "first", url: "http://connect-1:8083" },
      { name: "second", url: "https://connect-2:8083", auth: { username: "u", password: "p" } },
    ]);
    const file = withFile(
      `clusters:\n  - { id: a, name: A, bootstrapServers: "h:1", connect: [{ name: c1, url: "http://w:8083" }] }\n  - { id: b, name: B, bootstrapServers: "h:1" }\n`,
    );
    const cfg = loadConfig({}, file);
    expect(cfg.clusters[0].connect).toEqual([{ name: "c1", url: "http://w:8083" }]);
    expect(cfg.clusters[1].connect).toEqual([]);
    const dup = withFile(
      `clusters:\n  - { id: a, name: A, bootstrapServers: "h:1", connect: [{ name: c, url: "http://w:1" }, { name: c, url: "http://w:2" }] }\n`,
    );
    expect(() => loadConfig({}, dup)).toThrow(/connect names must be unique/);
    const badUrl = withFile(
      `clusters:\n  - { id: a, name: A, bootstrapServers: "h:1", connect: [{ name: "has space", url: "ftp://w:1" }] }\n`,
    );
    expect(() => loadConfig({}, badUrl)).toThrow(/connect\.0\.name[\s\S]*connect\.0\.url/);
  });
});
