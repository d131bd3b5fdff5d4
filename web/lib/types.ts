// The REST and hub wire shapes (camelCase; null members are omitted by the server).

export const STATUSES = ["queued", "starting", "running", "paused", "succeeded", "failed", "cancelled", "timedOut"] as const;
export type SessionStatus = (typeof STATUSES)[number];

export const ACTIONS = [
  "navigate", "click", "type", "select", "check", "uncheck", "hover", "press", "scroll", "wait", "extract", "back", "finish",
  "forward", "reload", "doubleClick", "rightClick", "upload", "download", "newTab", "switchTab", "closeTab",
] as const;
export type ActionKind = (typeof ACTIONS)[number];

export const TARGET_KEYS = ["role", "name", "label", "text", "placeholder", "testId", "css"] as const;
export type TargetDescriptor = Partial<Record<(typeof TARGET_KEYS)[number], string>>;

export const EXPECT_KEYS = ["urlContains", "textAppears", "textDisappears", "target", "state"] as const;

export interface Expectation {
  urlContains?: string;
  textAppears?: string;
  textDisappears?: string;
  target?: TargetDescriptor;
  state?: string;
}

export interface PlanStep {
  action: ActionKind;
  target?: TargetDescriptor;
  value?: string;
  url?: string;
  field?: string;
  success?: boolean;
  submit?: boolean;
  description?: string;
  append?: boolean;
  expect?: Expectation;
}

export interface StepAction extends PlanStep {
  elementId?: number;
  result?: string;
  reasoning?: string;
}

export interface Budgets {
  maxSteps: number;
  maxTokens: number;
  maxDurationSeconds: number;
}

export interface TokenUsage {
  input: number;
  output: number;
  total: number;
  costUsd?: number;
}

export interface SessionSpec {
  goal?: string;
  plan?: StepAction[];
  startUrl?: string;
  resultSchema?: string;
  allowedDomains?: string[];
  budgets?: Budgets;
  priority: number;
  webhook?: string;
  metadata?: Record<string, string>;
}

export interface SessionResource {
  id: string;
  status: SessionStatus;
  goal?: string;
  startUrl?: string;
  stepCount: number;
  maxSteps?: number;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  endedAt?: string;
  result?: unknown;
  error?: { code: string; message: string; step?: number };
  tokens: TokenUsage;
  currentUrl?: string;
  screenshotUrl?: string;
  recoveryCount: number;
  priority: number;
  metadata?: Record<string, string>;
  spec: SessionSpec;
}

export interface ElementBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StepResource {
  sessionId: string;
  index: number;
  action?: StepAction;
  ok: boolean;
  error?: string;
  pageUrl?: string;
  pageTitle?: string;
  screenshotUrl?: string;
  startedAt: string;
  timings: { observeMs: number; planMs: number; actMs: number; totalMs: number };
  tokens: TokenUsage;
  target?: TargetDescriptor;
  targetBox?: ElementBox;
  elementCount: number;
  output?: unknown;
}

export interface SessionPage {
  items: SessionResource[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/v1/sessions/{id}/plan: a recorded plan in the shape of a session request. */
export interface PlanDocument {
  planVersion: number;
  recordedFrom: { sessionId: string; recordedAt: string; stepsRecorded: number; stepsHealed: number };
  goal?: string;
  startUrl?: string;
  resultSchema?: unknown;
  allowedDomains?: string[];
  plan: PlanStep[];
}

export interface FleetStats {
  at: string;
  counts: Record<SessionStatus, number>;
  active: number;
  queued: number;
  browserSlots: number;
  browserSlotsInUse: number;
  finishedPerMinute: number[];
  finishedLastHour: number;
}

/** GET /api/v1/cluster (admins). */
export interface ClusterSilo {
  address: string;
  /** Orleans membership: active, joining, shuttingdown, dead, unknown. */
  status: string;
  slots: number;
  slotsInUse: number;
  draining: boolean;
}

export interface ClusterView {
  silos: ClusterSilo[];
  slots: number;
  slotsInUse: number;
  capacity: number;
  queuedByTenant: Record<string, number>;
  admittedByTenant: Record<string, number>;
  queueDepth: number;
}

export interface Caller {
  name: string;
  tenant: string;
  role: string;
  canOperate: boolean;
}

export type EventKind = "status" | "step" | "recovered" | "finished";

export interface SessionEvent {
  kind: EventKind;
  sessionId: string;
  sequence: number;
  at: string;
  session: SessionResource;
  step?: StepResource;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export const TERMINAL: ReadonlySet<SessionStatus> = new Set(["succeeded", "failed", "cancelled", "timedOut"]);
export const isTerminal = (s: SessionStatus) => TERMINAL.has(s);
