// A stand-in for a download: reads a Sluice JSON Lines export over HTTP in its own process and counts the lines
// (records). Prints one JSON line with the figures at the end of the body.
import { openUrl } from "./client-open.mjs";
const { res, started } = await openUrl();
let lines = 0;
let bytes = 0;
let ttfr = null;
for await (const chunk of res.body) {
  if (ttfr === null) ttfr = performance.now() - started;
  bytes += chunk.length;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
}
console.log(
  JSON.stringify({
    records: lines,
    matched: lines,
    scanned: lines,
    ms: performance.now() - started,
    ttfrMs: ttfr,
    bytes,
    progressGapMaxMs: 0,
  }),
);
