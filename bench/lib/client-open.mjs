// The start of a counting client process: fetch the URL given as its first argument. On an answer other than 200
// it prints one JSON line with the error and exits; else it gives the response and when the request started.
export async function openUrl() {
  const url = process.argv[2];
  const started = performance.now();
  const res = await fetch(url);
  if (res.status !== 200) {
    console.log(JSON.stringify({ error: `${res.status} ${await res.text()}` }));
    process.exit(0);
  }
  return { res, started };
}
