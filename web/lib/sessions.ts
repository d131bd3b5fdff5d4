import type { SessionResource, StepResource } from "./types";

/** The newer of two views of a session (events and REST answers can arrive in either order). */
export function newer(a: SessionResource | undefined, b: SessionResource): SessionResource {
  if (!a) return b;
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  if (tb !== ta) return tb > ta ? b : a;
  return b.stepCount >= a.stepCount ? b : a;
}

/** Steps merged by index, in order. */
export function mergeSteps(current: StepResource[], incoming: StepResource[]): StepResource[] {
  if (incoming.length === 0) return current;
  const byIndex = new Map(current.map((s) => [s.index, s]));
  for (const step of incoming) byIndex.set(step.index, step);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}
