import "server-only";
import { HIDDEN_VALUE } from "@/lib/schemas/connect";

/** Keys the plugin's definition does not know (client overrides, converter settings) that still carry secrets. */
const SECRET_NAME = /(password|secret|jaas\.config|credential|token|api[._-]?key|private[._-]?key)/i;

/**
 * Replaces secret values with "[hidden]", as Kafka Connect itself does for PASSWORD-type configs: keys whose
 * definition type is PASSWORD, and keys without a definition whose name says they hold a secret. Values that are
 * config-provider references (`${file:…}`, `${env:…}`) are not secrets themselves and are shown.
 */
export function maskConfig(
  config: Record<string, string>,
  types: Map<string, string>,
): { config: Record<string, string>; maskedKeys: string[] } {
  const masked: Record<string, string> = {};
  const maskedKeys: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    const type = types.get(key);
    const secret = type ? type === "PASSWORD" : SECRET_NAME.test(key);
    if (secret && value !== "" && !/^\$\{[^}]+\}$/.test(value)) {
      masked[key] = HIDDEN_VALUE;
      maskedKeys.push(key);
    } else {
      masked[key] = value;
    }
  }
  return { config: masked, maskedKeys: maskedKeys.sort() };
}

/** A config sent back from a form: "[hidden]" on a masked key means "keep the stored value". */
export function unmaskConfig(
  submitted: Record<string, string>,
  stored: Record<string, string>,
  maskedKeys: string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(submitted)) {
    out[key] = value === HIDDEN_VALUE && maskedKeys.includes(key) && key in stored ? stored[key] : value;
  }
  return out;
}
