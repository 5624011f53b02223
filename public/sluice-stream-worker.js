// Sluice's shared stream worker: every tab of this browser hands its live streams (live tails) to this one
// SharedWorker, which carries them all on ONE connection to /api/streams (server-side multiplexing). Browsers
// allow 6 connections per origin over HTTP/1.1; with one stream per tab, the 7th tab would hang.
// Protocol with tabs (MessagePort): tab → {type:"subscribe", key, url} | {type:"unsubscribe", key}
// worker → tab: {type:"event", key, event, data, id} | {type:"status", key, status}
"use strict";

const subs = new Map(); // key → { url, lastId, port }
let connection = null; // { abort: AbortController }
let reopenTimer = null;
let attempt = 0;

function post(key, message) {
  const sub = subs.get(key);
  if (sub) sub.port.postMessage({ key, ...message });
}
function broadcast(message) {
  for (const key of subs.keys()) post(key, message);
}

function encodeSubs() {
  const list = [...subs.entries()].map(([k, s]) => (s.lastId ? { k, u: s.url, l: s.lastId } : { k, u: s.url }));
  const bytes = new TextEncoder().encode(JSON.stringify(list));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Reopen the shared connection with the current subscriptions (debounced: tabs often change several at once). */
function scheduleReopen(delay = 30) {
  clearTimeout(reopenTimer);
  reopenTimer = setTimeout(reopen, delay);
}

function reopen() {
  if (connection) connection.abort.abort();
  connection = null;
  if (subs.size === 0) return;
  const abort = new AbortController();
  connection = { abort };
  void run(abort);
}

async function run(abort) {
  for (const key of subs.keys()) {
    post(key, { type: "status", status: { state: attempt ? "reconnecting" : "connecting", attempt } });
  }
  let res;
  try {
    res = await fetch(`/api/streams?subs=${encodeSubs()}`, {
      signal: abort.signal,
      headers: { accept: "text/event-stream" },
      cache: "no-store",
    });
  } catch (error) {
    return failed(abort, error);
  }
  if (!res.ok || !res.body) {
    const body = await res.json().catch(() => null);
    broadcast({ type: "status", status: { state: "failed", httpStatus: res.status, body } });
    return;
  }
  attempt = 0;
  broadcast({ type: "status", status: { state: "open" } });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "";
  let data = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let nl;
      while ((nl = buffer.indexOf("\n")) !== -1) {
        let line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.endsWith("\r")) line = line.slice(0, -1);
        if (line === "") {
          if (data.length) dispatch(event || "message", data.join("\n"));
          event = "";
          data = [];
        } else if (line.startsWith("event:")) {
          event = line.slice(6).trim();
        } else if (line.startsWith("data:")) {
          data.push(line.slice(5).replace(/^ /, ""));
        }
      }
    }
  } catch (error) {
    return failed(abort, error);
  }
  if (!abort.signal.aborted) scheduleReopen(500); // the server closed (duration cap): resume everyone
}

function dispatch(event, raw) {
  let m;
  try {
    m = JSON.parse(raw);
  } catch {
    return;
  }
  const sub = subs.get(m.k);
  if (!sub) return;
  if (event === "sub-error") {
    sub.port.postMessage({ key: m.k, type: "status", status: { state: "failed", httpStatus: m.status, body: m.d } });
    subs.delete(m.k);
    return;
  }
  if (event === "sub-end") {
    scheduleReopen(500);
    return;
  }
  if (m.id !== undefined) sub.lastId = m.id;
  sub.port.postMessage({ key: m.k, type: "event", event, data: JSON.stringify(m.d), id: m.id });
}

function failed(abort, error) {
  if (abort.signal.aborted) return;
  attempt++;
  const delay = [500, 1000, 2000, 4000, 8000][Math.min(attempt - 1, 4)];
  broadcast({
    type: "status",
    status: { state: "reconnecting", attempt, reason: String(error && error.message ? error.message : error) },
  });
  scheduleReopen(delay);
}

self.onconnect = (e) => {
  const port = e.ports[0];
  port.onmessage = (m) => {
    const msg = m.data;
    if (msg.type === "subscribe") {
      subs.set(msg.key, { url: msg.url, lastId: msg.lastId, port });
      scheduleReopen();
    } else if (msg.type === "unsubscribe") {
      if (subs.delete(msg.key)) scheduleReopen();
    } else if (msg.type === "unsubscribe-port") {
      let changed = false;
      for (const [k, s] of subs) if (s.port === port) changed = subs.delete(k) || changed;
      if (changed) scheduleReopen();
    }
  };
  port.start();
};
