"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { AlertTriangle, Ban, ChevronLeft, History, Pause, Play, StepForward, Trophy } from "lucide-react";
import { api, ApiError, SignedOutError, withToken } from "@/lib/api";
import { useAuth } from "@/lib/auth";
import { duration, elapsedMs, STATUS_LABEL } from "@/lib/format";
import { isTerminal } from "@/lib/types";
import { useNow } from "@/lib/useNow";
import { useSession } from "@/lib/useSession";
import { JsonView } from "@/components/JsonView";
import { Screenshot } from "@/components/Screenshot";
import { StatusBadge } from "@/components/StatusBadge";
import { StepRow } from "@/components/StepRow";
import { Alert, Panel, buttonClass } from "@/components/ui";

export function LiveSession() {
  const id = useSearchParams().get("id");
  const router = useRouter();
  const { caller, signOut } = useAuth();
  const { session, steps, error, setSession } = useSession(id);
  const now = useNow();
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const logBox = useRef<HTMLOListElement>(null);
  const follow = useRef(true);

  // Keep the newest step in view while the user has not scrolled up the log.
  useEffect(() => {
    if (follow.current && logBox.current) logBox.current.scrollTop = logBox.current.scrollHeight;
  }, [steps.length]);

  useEffect(() => {
    if (!confirmCancel) return;
    const timer = setTimeout(() => setConfirmCancel(false), 5000);
    return () => clearTimeout(timer);
  }, [confirmCancel]);

  if (!id) return <Alert>No session id in the address. Open a session from the fleet or the history.</Alert>;
  if (error) return <Alert>{error}</Alert>;
  if (!session) return <p className="py-20 text-center text-sm text-muted">Loading session…</p>;

  async function control(verb: "cancel" | "pause" | "resume" | "step") {
    setBusy(verb);
    setActionError(null);
    try {
      const updated = await api.control(id!, verb);
      setSession(updated);
    } catch (e) {
      if (e instanceof SignedOutError) return signOut("refused");
      setActionError(e instanceof ApiError ? (e.problem.detail ?? e.message) : String(e));
    } finally {
      setBusy(null);
      setConfirmCancel(false);
    }
  }

  const last = steps.length > 0 ? steps[steps.length - 1] : undefined;
  const done = isTerminal(session.status);
  const max = session.maxSteps ?? session.spec.budgets?.maxSteps;
  const canOperate = caller?.canOperate ?? false;
  const shot = last?.screenshotUrl ?? session.screenshotUrl;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href="/" className="mb-1 inline-flex items-center gap-1 text-xs text-muted hover:text-ink">
            <ChevronLeft aria-hidden className="size-3.5" /> Fleet
          </Link>
          <h1 className="text-xl font-semibold tracking-tight break-words">
            {session.goal ?? `Plan of ${session.spec.plan?.length ?? 0} steps`}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <span aria-live="polite" data-testid="session-status">
              <StatusBadge status={session.status} />
              <span className="sr-only"> Status: {STATUS_LABEL[session.status]}</span>
            </span>
            <span className="font-mono text-xs">{session.id}</span>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canOperate && !done && session.status !== "paused" && (
            <button type="button" className={buttonClass()} disabled={busy !== null} onClick={() => control("pause")}>
              <Pause aria-hidden className="size-4" /> Pause
            </button>
          )}
          {canOperate && session.status === "paused" && (
            <>
              <button type="button" className={buttonClass()} disabled={busy !== null} onClick={() => control("step")}>
                <StepForward aria-hidden className="size-4" /> One step
              </button>
              <button type="button" className={buttonClass("primary")} disabled={busy !== null} onClick={() => control("resume")}>
                <Play aria-hidden className="size-4" /> Resume
              </button>
            </>
          )}
          {canOperate && !done && (
            <button
              type="button"
              className={buttonClass(confirmCancel ? "primary" : "danger", confirmCancel ? "!bg-bad !text-white" : "")}
              disabled={busy !== null}
              onClick={() => (confirmCancel ? control("cancel") : setConfirmCancel(true))}
            >
              <Ban aria-hidden className="size-4" /> {confirmCancel ? "Confirm cancel" : "Cancel"}
            </button>
          )}
          {steps.length > 0 && (
            <Link href={`/replay/?id=${session.id}`} className={buttonClass()}>
              <History aria-hidden className="size-4" /> Replay
            </Link>
          )}
        </div>
      </div>
      {actionError && <Alert>{actionError}</Alert>}

      {session.status === "succeeded" && session.result !== undefined && (
        <Panel
          title={
            <span className="flex items-center gap-1.5 text-ok">
              <Trophy aria-hidden className="size-4" /> Result
            </span>
          }
          className="border-ok/40"
        >
          <div className="p-3" data-testid="session-result">
            <JsonView value={session.result} label="Result JSON" />
          </div>
        </Panel>
      )}
      {session.error && (session.status === "failed" || session.status === "timedOut" || session.status === "cancelled") && (
        <div
          role={session.status === "cancelled" ? "status" : "alert"}
          data-testid="session-error"
          className={`flex gap-3 rounded-lg border p-3 text-sm ${
            session.status === "cancelled" ? "border-line bg-panel text-muted" : "border-bad/40 bg-bad/10 text-bad"
          }`}
        >
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <div>
            <p className="font-semibold">
              {session.status === "cancelled" ? "Cancelled" : session.status === "timedOut" ? "Timed out" : "Failed"}
              {session.error.step !== undefined && ` at step ${session.error.step + 1}`}
              <span className="ml-2 font-mono text-xs font-normal opacity-80">{session.error.code}</span>
            </p>
            <p className="mt-0.5">{session.error.message}</p>
          </div>
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-12">
        <div className="space-y-3 lg:col-span-7 xl:col-span-8">
          <Panel as="div" className="overflow-hidden">
            <Screenshot
              src={withToken(shot)}
              box={last?.targetBox}
              alt={last ? `Screenshot after step ${last.index + 1}` : "Session screenshot"}
              emptyText={done ? "No screenshot was taken" : "Waiting for the first step"}
            />
            <p className="truncate border-t border-line px-3 py-1.5 font-mono text-xs text-muted" title={session.currentUrl}>
              {session.currentUrl ?? session.startUrl ?? "\u00a0"}
            </p>
          </Panel>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Step" value={`${session.stepCount}${max ? ` / ${max}` : ""}`} testId="live-step-count" />
            <Stat label="Elapsed" value={session.startedAt ? duration(elapsedMs(session.startedAt, session.endedAt, now || Date.now())) : "—"} />
            <Stat label="Tokens" value={session.tokens.total.toLocaleString()} />
            <Stat label="Recoveries" value={String(session.recoveryCount)} />
          </dl>
        </div>
        <Panel
          title={`Steps (${steps.length})`}
          className="flex min-h-0 flex-col lg:col-span-5 lg:max-h-[calc(100dvh-12rem)] xl:col-span-4"
          actions={!done && <span className="text-xs text-muted">streaming</span>}
        >
          {steps.length === 0 ? (
            <p className="p-6 text-center text-sm text-muted">{done ? "This session recorded no steps." : "Steps appear here as they run."}</p>
          ) : (
            <ol
              ref={logBox}
              aria-label="Step log"
              onScroll={(e) => {
                const el = e.currentTarget;
                follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
              }}
              className="max-h-[28rem] min-h-0 flex-1 divide-y divide-line overflow-y-auto lg:max-h-none"
            >
              {steps.map((s) => (
                <StepRow key={s.index} step={s} />
              ))}
            </ol>
          )}
        </Panel>
      </div>
      {done && (
        <p className="text-sm text-muted">
          Finished {STATUS_LABEL[session.status].toLowerCase()} after {session.stepCount} steps.{" "}
          <button type="button" className="text-accent hover:underline" onClick={() => router.push(`/replay/?id=${session.id}`)}>
            Step through it in the replay
          </button>
          .
        </p>
      )}
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-line bg-panel px-3 py-2">
      <dt className="text-[11px] uppercase tracking-wide text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
