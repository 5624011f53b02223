/** Pure helpers for showing registry schemas: naming strategy, pretty printing and a line diff. */

/** TopicNameStrategy: `<topic>-key` / `<topic>-value`; any other subject has no topic. */
export function topicOfSubject(subject: string): { topic: string; role: "key" | "value" } | null {
  const m = /^(.+)-(key|value)$/.exec(subject);
  return m ? { topic: m[1], role: m[2] as "key" | "value" } : null;
}

/** AVRO and JSON schemas re-indented with two spaces; PROTOBUF (or text that is not JSON) as it is. */
export function prettySchema(schemaType: string, text: string): string {
  if (schemaType === "PROTOBUF") return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export type DiffRow =
  | { kind: "same"; left: string; right: string; leftNo: number; rightNo: number }
  | { kind: "removed"; left: string; leftNo: number }
  | { kind: "added"; right: string; rightNo: number }
  | { kind: "changed"; left: string; right: string; leftNo: number; rightNo: number };

/**
 * A side-by-side line diff (longest common subsequence). A run of removed lines followed by added lines is paired
 * into "changed" rows, so the two columns line up. O(n·m) memory: fine for schemas, refused above 4,000 lines each.
 */
export function lineDiff(a: string, b: string): DiffRow[] {
  const left = a.split("\n");
  const right = b.split("\n");
  const n = left.length;
  const m = right.length;
  if (n > 4000 || m > 4000) throw new Error("The schemas are too long to compare (more than 4,000 lines).");
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = left[i] === right[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }

  const rows: DiffRow[] = [];
  let removed: { text: string; no: number }[] = [];
  let added: { text: string; no: number }[] = [];
  const flush = () => {
    const k = Math.min(removed.length, added.length);
    for (let x = 0; x < k; x++) {
      rows.push({
        kind: "changed",
        left: removed[x].text,
        leftNo: removed[x].no,
        right: added[x].text,
        rightNo: added[x].no,
      });
    }
    for (const r of removed.slice(k)) rows.push({ kind: "removed", left: r.text, leftNo: r.no });
    for (const r of added.slice(k)) rows.push({ kind: "added", right: r.text, rightNo: r.no });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[i] === right[j]) {
      flush();
      rows.push({ kind: "same", left: left[i], right: right[j], leftNo: i + 1, rightNo: j + 1 });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push({ text: right[j], no: j + 1 });
      j++;
    } else {
      removed.push({ text: left[i], no: i + 1 });
      i++;
    }
  }
  flush();
  return rows;
}
