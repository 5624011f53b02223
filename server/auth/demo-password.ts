import "server-only";

/** The first admin's password in `npm run demo` (dev/demo.sh): published in the README, so never valid elsewhere. */
export const DEMO_ADMIN_PASSWORD = "sluice-admin";

/**
 * Why Sluice must not start with this environment, or null: outside the demo (which sets SLUICE_DEMO=1), the
 * bootstrap admin's password may not be the demo's well-known one.
 */
export function demoPasswordRefusal(env: Record<string, string | undefined>): string | null {
  if (env.SLUICE_DEMO === "1" || env.SLUICE_ADMIN_PASSWORD !== DEMO_ADMIN_PASSWORD) return null;
  return (
    `Sluice cannot start: SLUICE_ADMIN_PASSWORD is the demo's published password ("${DEMO_ADMIN_PASSWORD}"). ` +
    "Choose another one (or unset it and create the first admin on /setup); only `npm run demo` (SLUICE_DEMO=1) may use it."
  );
}
