// Lets the benchmark import Sluice's server modules outside Next.
// Next bundles kafkajs (CommonJS), so `import { ConfigResourceTypes } from "kafkajs"` works there; Node's native
// ESM loader only sees the names cjs-module-lexer can detect and refuses that import. This resolve hook sends
// every ESM import of "kafkajs" to kafkajs-esm.mjs, which re-exports all of kafkajs's names from the same
// require() instance (so the request counter in request-counter.ts sees every client).
// Used with: node --conditions=react-server --import tsx --import ./bench/lib/register.mjs bench/….ts
import { register } from "node:module";

register("./kafkajs-hook.mjs", import.meta.url);
