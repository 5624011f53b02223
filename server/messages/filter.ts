import "server-only";
import { processState } from "@/server/process-state";
import { celEnv, celFunc, CelScalar, isCelError, parse, plan, type CelInput } from "@bufbuild/cel";
import { RE2JS } from "@bufbuild/re2";
import { ApiError } from "@/server/http/api-error";
import type { StreamQuery } from "@/lib/schemas/messages";
import type { DecodedRecord, DecodedValue } from "./decode";

export type RecordFilter = {
  /** true = the record matches. Never throws: a CEL evaluation error counts as no match and is tallied. */
  test(d: DecodedRecord): boolean;
  errors: { count: number; example: string };
  /** The filter needs decoded values (CEL or text search); time-only filters do not. */
  needsDecoding: boolean;
};

/** A CEL evaluation slower than this aborts the search: the expression is too expensive for a scan. */
export const CEL_BUDGET_MS = 50;
/** Loop iterations (over all comprehensions, nested or not) one evaluation may take. */
export const CEL_MAX_STEPS = 1_000_000;

const STEP_FN = "__sluice_step";
type ExprNode = Parameters<typeof plan>[1] & { id: bigint; exprKind: { case: string | undefined; value: unknown } };

/**
 * Every loop in CEL is a comprehension (exists, all, map, filter, exists_one), and a comprehension evaluates its
 * loop condition once per iteration. Wrapping each loop condition in a call to STEP_FN lets the evaluator itself
 * count iterations and stop, mid-expression, at the step or time budget: the budget bounds the work, it is not
 * measured after it. Walks the parsed expression iteratively (no recursion on user-controlled depth).
 */
function instrumentLoops(root: ExprNode): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const e = node as Record<string, unknown>;
    if (e.$typeName === "cel.expr.Expr.Comprehension" && e.loopCondition) {
      const cond = e.loopCondition as ExprNode;
      stack.push(cond);
      e.loopCondition = {
        $typeName: "cel.expr.Expr",
        id: cond.id,
        exprKind: { case: "callExpr", value: { $typeName: "cel.expr.Expr.Call", function: STEP_FN, args: [cond] } },
      };
      for (const k of ["iterRange", "accuInit", "loopStep", "result"]) stack.push(e[k]);
      continue;
    }
    for (const [k, v] of Object.entries(e)) if (k !== "$typeName" && v !== null && typeof v === "object") stack.push(v);
  }
}

/**
 * The budget of the evaluation in progress. CEL evaluation is synchronous, so one meter serves every program,
 * and the environment (the standard library plus STEP_FN) is built once, not per search.
 */
const meter = { steps: 0, deadline: 0, exceeded: null as string | null };
let sharedEnv: ReturnType<typeof celEnv> | undefined;
function boundedEnv() {
  sharedEnv ??= celEnv({
    funcs: [
      celFunc(STEP_FN, [CelScalar.BOOL], CelScalar.BOOL, (cond) => {
        meter.steps++;
        if (meter.exceeded === null && meter.steps > CEL_MAX_STEPS) {
          meter.exceeded = `more than ${CEL_MAX_STEPS.toLocaleString("en-US")} loop steps`;
        }
        if (meter.exceeded === null && (meter.steps & 15) === 0 && performance.now() > meter.deadline) {
          meter.exceeded = `more than ${CEL_BUDGET_MS} ms`;
        }
        if (meter.exceeded !== null) throw new Error("CEL budget exceeded");
        return cond;
      }),
    ],
  });
  return sharedEnv;
}

// Parsing is the costly part of compiling (tens of ms per hundred characters): reconnects and repeated searches
// reuse the program. Programs hold no per-search state (the meter is shared), so sharing them is safe.
const programs = processState("CelPrograms", () => new Map<string, ReturnType<typeof boundedProgram>>());
const MAX_CACHED_PROGRAMS = 200;

function cachedProgram(source: string): ReturnType<typeof boundedProgram> {
  let program = programs.get(source);
  if (!program) {
    program = boundedProgram(source);
    if (programs.size >= MAX_CACHED_PROGRAMS) programs.delete(programs.keys().next().value!);
    programs.set(source, program);
  }
  return program;
}

/** A CEL program whose evaluation stops at the budget; it throws a 422 ApiError when it does. */
function boundedProgram(source: string) {
  const parsed = parse(source);
  instrumentLoops(parsed.expr as ExprNode);
  const program = plan(boundedEnv(), parsed);
  return (input: Record<string, CelInput>) => {
    meter.steps = 0;
    meter.exceeded = null;
    meter.deadline = performance.now() + CEL_BUDGET_MS;
    const r = program(input);
    // Only loops can make an evaluation long (everything else is bounded by the expression's length), and loops
    // are metered inside the evaluator; a wall-clock check after the fact would only report GC pauses.
    const exceeded = meter.exceeded;
    if (exceeded !== null) {
      throw new ApiError(
        "unprocessable_entity",
        `The CEL filter took ${exceeded} on one record (budget ${CEL_BUDGET_MS} ms); simplify it.`,
        [{ path: "cel", issue: "too expensive" }],
      );
    }
    return r;
  };
}

function toCel(v: unknown): CelInput {
  if (Array.isArray(v)) return v.map(toCel) as CelInput;
  if (v !== null && typeof v === "object") {
    if (Buffer.isBuffer(v)) return new Uint8Array(v);
    return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toCel(x)])) as unknown as CelInput;
  }
  if (typeof v === "bigint") return v;
  if (v === undefined) return null;
  return v as CelInput;
}

function celValue(v: DecodedValue): CelInput {
  return v.data !== undefined ? toCel(v.data) : v.text;
}

/** Compiles the search's filters once; bad regex or CEL → 422 with the parser's position. */
export function compileFilter(q: Pick<StreamQuery, "q" | "regex" | "in" | "cel" | "from" | "to">): RecordFilter {
  const checks: ((d: DecodedRecord) => boolean)[] = [];
  const errors = { count: 0, example: "" };
  if (q.from !== undefined) {
    const from = q.from;
    checks.push((d) => d.record.timestamp >= from);
  }
  if (q.to !== undefined) {
    const to = q.to;
    checks.push((d) => d.record.timestamp <= to);
  }
  let needsDecoding = false;
  if (q.q) {
    needsDecoding = true;
    const fields = new Set(q.in ?? ["key", "value", "headers"]);
    let matches: (text: string) => boolean;
    if (q.regex) {
      let re: RE2JS;
      try {
        re = RE2JS.compile(q.q);
      } catch (e) {
        throw new ApiError("unprocessable_entity", `Invalid regular expression: ${(e as Error).message}`, [
          { path: "q", issue: (e as Error).message },
        ]);
      }
      matches = (text) => re.test(text);
    } else {
      // A case-insensitive literal: the engine searches without copying each text to lower case.
      const literal = new RegExp(q.q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
      matches = (text) => literal.test(text);
    }
    checks.push(
      (d) =>
        (fields.has("key") && d.key.text !== null && matches(d.key.text)) ||
        (fields.has("value") && d.value.text !== null && matches(d.value.text)) ||
        (fields.has("headers") && d.headers.some((h) => matches(h.key) || (h.value !== null && matches(h.value)))),
    );
  }
  if (q.cel) {
    needsDecoding = true;
    let program: ReturnType<typeof boundedProgram>;
    try {
      program = cachedProgram(q.cel);
    } catch (e) {
      const loc = (e as { location?: { start?: { line: number; column: number } } }).location?.start;
      const message = (e as Error).message.replace(/^<input>:/, "");
      throw new ApiError(
        "unprocessable_entity",
        `Invalid CEL expression${loc ? ` at line ${loc.line}, column ${loc.column}` : ""}: ${message}`,
        [{ path: "cel", issue: message }],
      );
    }
    checks.push((d) => {
      const r = program({
        key: celValue(d.key),
        value: celValue(d.value),
        headers: new Map(d.headers.map((h) => [h.key, h.value])) as unknown as CelInput,
        partition: BigInt(d.record.partition),
        offset: d.record.offset,
        timestamp: BigInt(d.record.timestamp),
        size: BigInt((d.record.key?.length ?? 0) + (d.record.value?.length ?? 0)),
      });
      if (isCelError(r)) {
        errors.count++;
        errors.example ||= `offset ${d.record.offset} in partition ${d.record.partition}: ${r.message}`;
        return false;
      }
      if (typeof r !== "boolean") {
        errors.count++;
        errors.example ||= `the expression returned ${typeof r}, not a boolean`;
        return false;
      }
      return r;
    });
  }
  return { test: (d) => checks.every((c) => c(d)), errors, needsDecoding };
}
