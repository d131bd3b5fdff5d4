import { ACTIONS, EXPECT_KEYS, TARGET_KEYS } from "./types";

const STEP_KEYS = new Set(["action", "target", "value", "url", "field", "success", "submit", "description", "append", "expect"]);
const NEEDS_TARGET = new Set(["click", "doubleClick", "rightClick", "type", "select", "check", "uncheck", "hover", "upload", "download"]);
const NEEDS_VALUE = new Set(["type", "select", "press"]);

export interface PlanProblem {
  path: string;
  message: string;
}

/**
 * Checks a plan against the plan schema the server applies: an array of steps, each a known
 * action with the members that action needs, and nothing else.
 */
export function checkPlan(plan: unknown): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!Array.isArray(plan)) return [{ path: "plan", message: "The plan must be a JSON array of steps." }];
  if (plan.length > 500) problems.push({ path: "plan", message: "A plan has at most 500 steps." });
  plan.forEach((step, i) => {
    const at = `plan[${i}]`;
    if (typeof step !== "object" || step === null || Array.isArray(step)) {
      problems.push({ path: at, message: "Each step must be an object." });
      return;
    }
    const s = step as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (!STEP_KEYS.has(key)) problems.push({ path: `${at}.${key}`, message: `Unknown member "${key}".` });
    }
    if (typeof s.action !== "string" || !(ACTIONS as readonly string[]).includes(s.action)) {
      problems.push({ path: `${at}.action`, message: `"action" must be one of ${ACTIONS.join(", ")}.` });
      return;
    }
    for (const key of ["value", "url", "field", "description"]) {
      if (s[key] !== undefined && typeof s[key] !== "string") problems.push({ path: `${at}.${key}`, message: `"${key}" must be a string.` });
    }
    for (const key of ["success", "submit", "append"]) {
      if (s[key] !== undefined && typeof s[key] !== "boolean") problems.push({ path: `${at}.${key}`, message: `"${key}" must be true or false.` });
    }
    const hasTarget = checkTarget(s.target, `${at}.target`, problems);
    if (s.expect !== undefined) {
      if (typeof s.expect !== "object" || s.expect === null || Array.isArray(s.expect)) {
        problems.push({ path: `${at}.expect`, message: '"expect" must be an object.' });
      } else {
        for (const [key, value] of Object.entries(s.expect)) {
          if (!(EXPECT_KEYS as readonly string[]).includes(key))
            problems.push({ path: `${at}.expect.${key}`, message: `Unknown expectation "${key}"; use ${EXPECT_KEYS.join(", ")}.` });
          else if (key === "target") checkTarget(value, `${at}.expect.target`, problems);
          else if (typeof value !== "string") problems.push({ path: `${at}.expect.${key}`, message: `"${key}" must be a string.` });
        }
      }
    }
    if (NEEDS_TARGET.has(s.action) && !hasTarget)
      problems.push({ path: `${at}.target`, message: `A ${s.action} step needs a target (role+name, label, text, placeholder, testId or css).` });
    if (NEEDS_VALUE.has(s.action) && typeof s.value !== "string")
      problems.push({ path: `${at}.value`, message: `A ${s.action} step needs a value.` });
    if (s.action === "extract" && (typeof s.field !== "string" || !s.field.trim()))
      problems.push({ path: `${at}.field`, message: "An extract step needs the result field it fills." });
    if (s.action === "navigate" && typeof s.url !== "string" && typeof s.value !== "string")
      problems.push({ path: `${at}.url`, message: "A navigate step needs a url." });
    if (s.action === "upload")
      problems.push({ path: `${at}.action`, message: "An upload step needs files sent with the session; start it through the API." });
  });
  return problems;
}

/** Checks a target descriptor; true when it names the element by something other than a bare name. */
function checkTarget(target: unknown, at: string, problems: PlanProblem[]): boolean {
  if (target === undefined) return false;
  if (typeof target !== "object" || target === null || Array.isArray(target)) {
    problems.push({ path: at, message: '"target" must be an object.' });
    return false;
  }
  let usable = false;
  for (const [key, value] of Object.entries(target)) {
    if (!(TARGET_KEYS as readonly string[]).includes(key)) {
      problems.push({ path: `${at}.${key}`, message: `Unknown target member "${key}"; use ${TARGET_KEYS.join(", ")}.` });
    } else if (typeof value !== "string") {
      problems.push({ path: `${at}.${key}`, message: `"${key}" must be a string.` });
    } else if (key !== "name") {
      usable = true;
    }
  }
  return usable;
}

/** Where in the JSON text a parse error is, as "line L, column C", when the engine says. */
export function parseError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset).split("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)/, "")} (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}
