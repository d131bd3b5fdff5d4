"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { ChevronLeft, ChevronRight, Radio, RotateCcw } from "lucide-react";
import { api, ApiError, SignedOutError, withToken } from "@/lib/api";
import { useAuth } from "@/lib/auth";
import { clock, describeAction, describeTarget, ms } from "@/lib/format";
import { isTerminal } from "@/lib/types";
import { useSession } from "@/lib/useSession";
import { JsonView } from "@/components/JsonView";
import { Screenshot } from "@/components/Screenshot";
import { StatusBadge } from "@/components/StatusBadge";
import { Alert, Panel, buttonClass } from "@/components/ui";

function isTyping(target: EventTarget | null) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function Replay() {
  const params = useSearchParams();
  const id = params.get("id");
  const router = useRouter();
  const { caller, signOut } = useAuth();
  const { session, steps, error } = useSession(id);
  const [position, setPosition] = useState(() => Math.max(0, Number(params.get("step") ?? 1) - 1) || 0);
  const [busy, setBusy] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const timeline = useRef<HTMLOListElement>(null);

  const count = steps.length;
  const index = count === 0 ? 0 : Math.min(position, count - 1);
  const step = steps[index];

  const go = useCallback(
    (next: number) => {
      if (count === 0) return;
      setPosition(Math.max(0, Math.min(count - 1, next)));
    },
    [count],
  );

  // Arrow keys step through the timeline anywhere on the page except in text fields.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const moves: Record<string, number> = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: count - 1 };
      if (!(e.key in moves)) return;
      e.preventDefault();
      go(moves[e.key]);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, index, count]);

  // The address names the step, so a step can be shared; the timeline keeps it in view.
  useEffect(() => {
    if (!id || count === 0) return;
    window.history.replaceState(null, "", `/replay/?id=${encodeURIComponent(id)}&step=${index + 1}`);
    timeline.current?.querySelector<HTMLElement>(`[data-step-index="${index}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [id, index, count]);

  if (!id) return <Alert>No session id in the address. Open a session from the history.</Alert>;
  if (error) return <Alert>{error}</Alert>;
  if (!session) return <p className="py-20 text-center text-sm text-muted">Loading session…</p>;

  const replayable = steps.filter((s) => s.ok && s.action && s.action.action !== "finish").length;

  async function runAgain() {
    if (!session) return;
    setBusy(true);
    setRunError(null);
    try {
      // The server records the plan (durable targets, healed steps, no element ids); post it back as it is.
      const recorded = await api.plan(session.id);
      const budgets = session.spec.budgets ?? { maxSteps: 50, maxTokens: 200_000, maxDurationSeconds: 600 };
      const created = await api.create({
        ...recorded,
        budgets: { ...budgets, maxSteps: Math.max(recorded.plan.length + 5, budgets.maxSteps) },
        priority: session.priority,
        metadata: { ...(session.metadata ?? {}), replayOf: session.id },
      });
      router.push(`/session/?id=${created.id}`);
    } catch (e) {
      setBusy(false);
      if (e instanceof SignedOutError) return signOut("refused");
      const details = e instanceof ApiError && e.problem.errors ? Object.entries(e.problem.errors).map(([k, v]) => `${k}: ${v.join(" ")}`).join("; ") : "";
      setRunError(`${e instanceof Error ? e.message : "Could not start the replay."}${details ? ` ${details}` : ""}`);
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href="/history/" className="mb-1 inline-flex items-center gap-1 text-xs text-muted hover:text-ink">
            <ChevronLeft aria-hidden className="size-3.5" /> History
          </Link>
          <h1 className="text-xl font-semibold tracking-tight break-words">
            Replay: {session.goal ?? `plan of ${session.spec.plan?.length ?? 0} steps`}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <StatusBadge status={session.status} />
            <span className="font-mono text-xs">{session.id}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {!isTerminal(session.status) && (
            <Link href={`/session/?id=${session.id}`} className={buttonClass()}>
              <Radio aria-hidden className="size-4" /> Live view
            </Link>
          )}
          {caller?.canOperate && (
            <button
              type="button"
              className={buttonClass("primary")}
              disabled={busy || replayable === 0 || !session.startUrl}
              onClick={runAgain}
              title={replayable === 0 ? "No successful steps to replay" : `Start a session from the ${replayable} successful steps`}
            >
              <RotateCcw aria-hidden className="size-4" /> {busy ? "Starting…" : "Run again as plan"}
            </button>
          )}
        </div>
      </div>
      {runError && <Alert>{runError}</Alert>}

      {count === 0 ? (
        <p className="rounded-lg border border-dashed border-line p-10 text-center text-sm text-muted">This session has no recorded steps yet.</p>
      ) : (
        <>
          <Panel as="div" className="p-3">
            <div className="flex items-center gap-2">
              <button type="button" className={buttonClass("secondary", "px-2")} onClick={() => go(index - 1)} disabled={index === 0} aria-label="Previous step">
                <ChevronLeft aria-hidden className="size-4" />
              </button>
              <label htmlFor="step-slider" className="sr-only">
                Step
              </label>
              <input
                id="step-slider"
                type="range"
                min={1}
                max={count}
                value={index + 1}
                onChange={(e) => go(Number(e.target.value) - 1)}
                aria-valuetext={`Step ${index + 1} of ${count}`}
                className="h-2 flex-1 cursor-pointer accent-[var(--accent)]"
              />
              <button type="button" className={buttonClass("secondary", "px-2")} onClick={() => go(index + 1)} disabled={index === count - 1} aria-label="Next step">
                <ChevronRight aria-hidden className="size-4" />
              </button>
              <span className="w-24 text-right text-sm tabular-nums" data-testid="replay-position" aria-live="polite">
                Step {index + 1} of {count}
              </span>
            </div>
            <ol ref={timeline} aria-label="Timeline" className="mt-3 flex gap-1 overflow-x-auto pb-1">
              {steps.map((s, i) => (
                <li key={s.index}>
                  <button
                    type="button"
                    data-step-index={i}
                    onClick={() => go(i)}
                    aria-current={i === index ? "step" : undefined}
                    aria-label={`Step ${i + 1}: ${s.action?.action ?? "no action"}, ${s.ok ? "succeeded" : "failed"}`}
                    title={`${i + 1}. ${describeAction(s.action, s.target)}`}
                    className={`grid h-8 min-w-8 place-items-center rounded px-1.5 font-mono text-[11px] tabular-nums transition ${
                      i === index
                        ? "bg-accent text-accent-ink"
                        : s.ok
                          ? "bg-raised text-muted hover:bg-line hover:text-ink"
                          : "bg-bad/15 text-bad hover:bg-bad/25"
                    }`}
                  >
                    {i + 1}
                  </button>
                </li>
              ))}
            </ol>
            <p className="mt-1 text-[11px] text-faint">Use ← and → to step through, Home and End to jump.</p>
          </Panel>

          <div className="grid gap-4 lg:grid-cols-12">
            <Panel as="div" className="overflow-hidden lg:col-span-8">
              <div data-testid="replay-screenshot" data-step-index={index}>
                <Screenshot src={withToken(step.screenshotUrl)} box={step.targetBox} alt={`Screenshot of step ${index + 1}`} emptyText="This step has no screenshot" />
              </div>
              <p className="truncate border-t border-line px-3 py-1.5 font-mono text-xs text-muted" title={step.pageUrl}>
                {step.pageTitle ? `${step.pageTitle} — ` : ""}
                {step.pageUrl ?? "\u00a0"}
              </p>
            </Panel>
            <Panel title={`Step ${index + 1}`} className="lg:col-span-4" actions={<span className="text-xs text-muted">{clock(step.startedAt)}</span>}>
              <dl className="space-y-3 p-4 text-sm" data-testid="replay-details">
                <Detail label="Action">
                  <span className="mr-1.5 rounded bg-raised px-1.5 py-0.5 font-mono text-[11px] font-semibold uppercase">{step.action?.action ?? "—"}</span>
                  {step.action?.description ?? describeAction(step.action, step.target)}
                </Detail>
                {describeTarget(step.target ?? step.action?.target) && (
                  <Detail label="Target">
                    <code className="font-mono text-xs break-all">{describeTarget(step.target ?? step.action?.target)}</code>
                  </Detail>
                )}
                {step.action?.value && step.action.action !== "type" && (
                  <Detail label="Value">
                    <code className="font-mono text-xs">{step.action.value}</code>
                  </Detail>
                )}
                <Detail label="Outcome">
                  <span data-testid="replay-outcome" className={step.ok ? "text-ok" : "text-bad"}>
                    {step.ok ? "Succeeded" : `Failed: ${step.error ?? "unknown error"}`}
                  </span>
                </Detail>
                {step.action?.reasoning && (
                  <Detail label="Reasoning">
                    <span className="italic text-muted">“{step.action.reasoning}”</span>
                  </Detail>
                )}
                <Detail label="Timing">
                  <span className="tabular-nums">
                    {ms(step.timings.totalMs)} <span className="text-muted">(observe {ms(step.timings.observeMs)} · plan {ms(step.timings.planMs)} · act {ms(step.timings.actMs)})</span>
                  </span>
                </Detail>
                {step.tokens.total > 0 && (
                  <Detail label="Tokens">
                    <span className="tabular-nums">
                      {step.tokens.total.toLocaleString()} <span className="text-muted">({step.tokens.input.toLocaleString()} in · {step.tokens.output.toLocaleString()} out)</span>
                    </span>
                  </Detail>
                )}
                {step.output !== undefined && (
                  <Detail label="Output">
                    <JsonView value={step.output} label="Step output" />
                  </Detail>
                )}
              </dl>
            </Panel>
          </div>
        </>
      )}
    </div>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-[11px] uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}
