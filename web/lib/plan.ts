import { ACTIONS, TARGET_KEYS, type PlanStep, type StepResource } from "./types";

const STEP_KEYS = new Set(["action", "target", "value", "url", "field", "success", "submit", "description"]);
const NEEDS_TARGET = new Set(["click", "type", "select", "check", "uncheck", "hover"]);
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
    for (const key of ["success", "submit"]) {
      if (s[key] !== undefined && typeof s[key] !== "boolean") problems.push({ path: `${at}.${key}`, message: `"${key}" must be true or false.` });
    }
    let hasTarget = false;
    if (s.target !== undefined) {
      if (typeof s.target !== "object" || s.target === null || Array.isArray(s.target)) {
        problems.push({ path: `${at}.target`, message: '"target" must be an object.' });
      } else {
        for (const [key, value] of Object.entries(s.target)) {
          if (!(TARGET_KEYS as readonly string[]).includes(key)) {
            problems.push({ path: `${at}.target.${key}`, message: `Unknown target member "${key}"; use ${TARGET_KEYS.join(", ")}.` });
          } else if (typeof value !== "string") {
            problems.push({ path: `${at}.target.${key}`, message: `"${key}" must be a string.` });
          } else if (key !== "name") {
            hasTarget = true;
          }
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
  });
  return problems;
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

/** A finished session's steps as a plan: each successful step's action and the target it resolved to. */
export function stepsToPlan(steps: StepResource[]): PlanStep[] {
  return steps
    .filter((s) => s.ok && s.action)
    .map((s) => {
      const a = s.action!;
      const step: PlanStep = { action: a.action };
      const target = s.target ?? a.target;
      if (target && Object.keys(target).length > 0) step.target = target;
      if (a.value !== undefined) step.value = a.value;
      if (a.url !== undefined) step.url = a.url;
      if (a.field !== undefined) step.field = a.field;
      if (a.success !== undefined) step.success = a.success;
      if (a.submit !== undefined) step.submit = a.submit;
      if (a.description !== undefined) step.description = a.description;
      return step;
    });
}
