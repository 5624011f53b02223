/** Runs once when the server starts (Node runtime only): see server/start-up.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startUp } = await import("./server/start-up");
    startUp();
  }
}
