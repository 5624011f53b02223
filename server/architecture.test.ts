import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === "server/db/generated" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.ts$|\.d\.ts$/.test(e.name) ? [rel] : [];
  });
}

// ARCHITECTURE.md, "Folders": every file under server/ starts with `import "server-only"`, so a client component
// that reaches it (directly or through a chain of imports) fails the build instead of shipping server code.
describe("the server/ folder", () => {
  it('every module imports "server-only" before anything else', () => {
    const files = sourceFiles("server");
    expect(files.length).toBeGreaterThan(100);
    const missing = files.filter((f) => {
      const first = fs
        .readFileSync(path.join(root, f), "utf8")
        .split("\n")
        .find((l) => l.trim() && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith(" *"));
      return first !== 'import "server-only";';
    });
    expect(missing).toEqual([]);
  });
});
