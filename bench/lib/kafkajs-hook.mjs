const SHIM = new URL("./kafkajs-esm.mjs", import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === "kafkajs" && context.parentURL !== SHIM) return { url: SHIM, format: "module", shortCircuit: true };
  return next(specifier, context);
}
