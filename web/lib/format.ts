import type { SessionStatus, StepAction, TargetDescriptor } from "./types";

export const STATUS_LABEL: Record<SessionStatus, string> = {
  queued: "Queued",
  starting: "Starting",
  running: "Running",
  paused: "Paused",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
  timedOut: "Timed out",
};

/** 75 → "1m 15s"; 3725 → "1h 02m". */
export function duration(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

export function ms(value: number) {
  return value >= 1000 ? `${(value / 1000).toFixed(value >= 10000 ? 0 : 1)} s` : `${value} ms`;
}

export function elapsedMs(startedAt: string | undefined, endedAt: string | undefined, now: number) {
  if (!startedAt) return 0;
  const end = endedAt ? Date.parse(endedAt) : now;
  return end - Date.parse(startedAt);
}

export function dateTime(iso: string) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

export function clock(iso: string) {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function describeTarget(target?: TargetDescriptor) {
  if (!target) return "";
  if (target.testId) return `[data-testid=${target.testId}]`;
  if (target.role) return target.name ? `${target.role} “${target.name}”` : target.role;
  if (target.label) return `label “${target.label}”`;
  if (target.placeholder) return `placeholder “${target.placeholder}”`;
  if (target.text) return `text “${target.text}”`;
  if (target.css) return target.css;
  return "";
}

/** What a step did, in one line: "type “headphones” into label “Search products”". */
export function describeAction(action?: StepAction, target?: TargetDescriptor) {
  if (!action) return "(no action)";
  const where = describeTarget(target ?? action.target);
  switch (action.action) {
    case "navigate":
      return `navigate to ${action.url ?? action.value ?? ""}`;
    case "type":
      return `type “${action.value ?? ""}”${where ? ` into ${where}` : ""}`;
    case "select":
      return `select “${action.value ?? ""}”${where ? ` in ${where}` : ""}`;
    case "press":
      return `press ${action.value ?? ""}`;
    case "scroll":
      return `scroll ${action.value ?? "down"}`;
    case "wait":
      return `wait for ${action.value ?? ""}`;
    case "extract":
      return `extract ${action.field ?? ""}${where ? ` from ${where}` : ""}`;
    case "finish":
      return action.success === false ? "finish (gave up)" : "finish";
    case "back":
      return "go back";
    default:
      return `${action.action}${where ? ` ${where}` : ""}`;
  }
}

export function shortId(id: string) {
  return id.length > 10 ? id.slice(-8) : id;
}
