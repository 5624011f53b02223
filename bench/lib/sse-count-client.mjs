// A stand-in for the browser: reads a Sluice SSE stream over HTTP in its own process, parses every event and
// counts records. Prints one JSON line with the figures when the stream's `done` event arrives.
import { openUrl } from "./client-open.mjs";
const { res, started } = await openUrl();
const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
let buf = "";
let records = 0;
let ttfr = null;
let lastProgress = performance.now();
let gapMax = 0;
let done = null;
let event = "";
while (!done) {
  const { value, done: eof } = await reader.read();
  if (eof) break;
  buf += value;
  let nl;
  while ((nl = buf.indexOf("\n")) !== -1) {
    const line = buf.slice(0, nl);
    buf = buf.slice(nl + 1);
    if (line.startsWith("event: ")) {
      event = line.slice(7);
    } else if (line.startsWith("data: ")) {
      const data = JSON.parse(line.slice(6));
      if (event === "messages") {
        if (records === 0 && data.messages.length) ttfr = performance.now() - started;
        records += data.messages.length;
      } else if (event === "progress") {
        const now = performance.now();
        gapMax = Math.max(gapMax, now - lastProgress);
        lastProgress = now;
      } else if (event === "done") {
        done = data;
      } else if (event === "error") {
        throw new Error(JSON.stringify(data));
      }
    }
  }
}
console.log(
  JSON.stringify({
    records,
    ms: performance.now() - started,
    ttfrMs: ttfr,
    scanned: done?.scanned ?? 0,
    matched: done?.matched ?? 0,
    progressGapMaxMs: gapMax,
  }),
);
