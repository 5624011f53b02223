// N concurrent SSE subscribers in one process (a stand-in for N browsers): counts `metrics` events per
// subscriber until told to stop (SIGTERM), then prints one JSON line.
const [url, n] = [process.argv[2], Number(process.argv[3])];
const counts = new Array(n).fill(0);
const aborts = [];
let failed = 0;
await Promise.all(
  Array.from({ length: n }, async (_, i) => {
    const abort = new AbortController();
    aborts.push(abort);
    try {
      const res = await fetch(url, { signal: abort.signal });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        counts[i] += value.split("event: metrics\n").length - 1;
      }
    } catch (e) {
      if (e.name !== "AbortError") failed++;
    }
  }).concat([
    new Promise((resolve) =>
      process.on("SIGTERM", () => {
        for (const a of aborts) a.abort();
        resolve();
      }),
    ),
  ]),
).catch(() => {});
console.log(JSON.stringify({ counts, failed }));
process.exit(0);
