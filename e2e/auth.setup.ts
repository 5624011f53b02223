import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, E2E_ADMIN } from "../playwright.config";

setup("sign in as the bootstrap admin", async ({ request }) => {
  const res = await request.post("/api/session", { data: E2E_ADMIN });
  expect(res.status(), await res.text()).toBe(200);
  await request.storageState({ path: ADMIN_STATE });
});
