import type { Caller, ClusterView, FleetStats, PlanDocument, ProblemDetails, SessionPage, SessionResource, StepResource } from "./types";

// The API key lives in sessionStorage: it is gone when the browser tab's session ends.
const KEY_STORAGE = "rpa.apiKey";

export function getApiKey(): string | null {
  if (typeof window === "undefined") return null;
  return window.sessionStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key: string | null) {
  if (key) window.sessionStorage.setItem(KEY_STORAGE, key);
  else window.sessionStorage.removeItem(KEY_STORAGE);
}

/** An error answer from the API, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** Thrown when there is no key or the server refused it: the app sends the user to sign in. */
export class SignedOutError extends ApiError {}

async function request<T>(path: string, init: RequestInit = {}, key = getApiKey()): Promise<T> {
  if (!key) throw new SignedOutError(401, { title: "API key required" });
  const headers = new Headers(init.headers);
  headers.set("X-Api-Key", key);
  headers.set("Accept", "application/json");
  if (init.body) headers.set("Content-Type", "application/json");
  const response = await fetch(path, { ...init, headers, cache: "no-store" });
  if (!response.ok) {
    let problem: ProblemDetails = { status: response.status, title: response.statusText };
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      // Not JSON (a proxy's page, say): keep the status line.
    }
    if (response.status === 401) throw new SignedOutError(401, problem);
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as T;
}

export interface SessionFilter {
  status?: string;
  q?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

function query(filter: SessionFilter) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const api = {
  me: (key?: string) => request<Caller>("/api/v1/me", {}, key ?? getApiKey()),
  stats: () => request<FleetStats>("/api/v1/stats"),
  cluster: () => request<ClusterView>("/api/v1/cluster"),
  sessions: (filter: SessionFilter = {}) => request<SessionPage>(`/api/v1/sessions${query(filter)}`),
  session: (id: string) => request<SessionResource>(`/api/v1/sessions/${encodeURIComponent(id)}`),
  steps: (id: string) => request<StepResource[]>(`/api/v1/sessions/${encodeURIComponent(id)}/steps`),
  plan: (id: string) => request<PlanDocument>(`/api/v1/sessions/${encodeURIComponent(id)}/plan`),
  create: (body: unknown) => request<SessionResource>("/api/v1/sessions", { method: "POST", body: JSON.stringify(body) }),
  control: (id: string, verb: "cancel" | "pause" | "resume" | "step") =>
    request<SessionResource>(`/api/v1/sessions/${encodeURIComponent(id)}/${verb}`, { method: "POST" }),
};

/** A screenshot URL an <img> can load: images cannot send headers, so the key goes in the query. */
export function withToken(url: string | undefined | null): string | undefined {
  const key = getApiKey();
  if (!url || !key) return undefined;
  return `${url}${url.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(key)}`;
}
