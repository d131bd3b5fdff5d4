"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Gauge, Inbox, ListOrdered, PlusCircle, Server } from "lucide-react";
import { api, SignedOutError } from "@/lib/api";
import { useAuth } from "@/lib/auth";
import { live } from "@/lib/hub";
import { newer } from "@/lib/sessions";
import { STATUSES, isTerminal, type FleetStats, type SessionResource, type SessionStatus } from "@/lib/types";
import { STATUS_LABEL } from "@/lib/format";
import { FleetTile } from "@/components/FleetTile";
import { Sparkline } from "@/components/Sparkline";
import { PageHeader, buttonClass } from "@/components/ui";

const ACTIVE: SessionStatus[] = ["queued", "starting", "running", "paused"];
// Finished sessions stay on the wall this long, so their outcome can be seen.
const LINGER_MS = 60_000;
// Events are batched: the wall re-renders at most this often however busy the fleet is.
const FLUSH_MS = 250;
const STATS_MS = 5_000;

const DOT: Record<SessionStatus, string> = {
  queued: "bg-faint",
  starting: "bg-info",
  running: "bg-accent",
  paused: "bg-warn",
  succeeded: "bg-ok",
  failed: "bg-bad",
  cancelled: "bg-muted",
  timedOut: "bg-bad",
};

export function Fleet() {
  const { caller, signOut } = useAuth();
  const sessions = useRef(new Map<string, SessionResource>());
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [tiles, setTiles] = useState<SessionResource[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [stats, setStats] = useState<FleetStats | null>(null);
  const statsDue = useRef(false);

  const flush = useCallback(() => {
    flushTimer.current = null;
    const cutoff = Date.now() - LINGER_MS;
    for (const [id, s] of sessions.current) {
      if (isTerminal(s.status) && Date.parse(s.endedAt ?? s.updatedAt) < cutoff) sessions.current.delete(id);
    }
    setTiles([...sessions.current.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)));
  }, []);

  const schedule = useCallback(() => {
    if (!flushTimer.current) flushTimer.current = setTimeout(flush, FLUSH_MS);
  }, [flush]);

  const loadStats = useCallback(() => {
    api.stats().then(setStats).catch((e) => e instanceof SignedOutError && signOut("refused"));
  }, [signOut]);

  const loadActive = useCallback(async () => {
    try {
      const pages = await Promise.all(ACTIVE.map((status) => api.sessions({ status, pageSize: 200 })));
      const fresh = new Set<string>();
      for (const page of pages) {
        for (const s of page.items) {
          fresh.add(s.id);
          sessions.current.set(s.id, newer(sessions.current.get(s.id), s));
        }
      }
      // A session the server no longer lists as active ended while we were away: keep it only if we saw it end.
      for (const [id, s] of sessions.current) if (!fresh.has(id) && !isTerminal(s.status)) sessions.current.delete(id);
      setLoaded(true);
      schedule();
    } catch (e) {
      if (e instanceof SignedOutError) signOut("refused");
    }
  }, [schedule, signOut]);

  useEffect(() => {
    if (!caller) return;
    const offEvent = live.onEvent((event) => {
      const current = sessions.current.get(event.sessionId);
      if (!current && isTerminal(event.session.status) && event.kind !== "finished") return;
      sessions.current.set(event.sessionId, newer(current, event.session));
      if (event.kind !== "step") statsDue.current = true;
      schedule();
    });
    const offFleet = live.subscribeFleet(() => {
      void loadActive();
      loadStats();
    });
    void loadActive();
    loadStats();
    const statsTimer = setInterval(() => {
      loadStats();
      statsDue.current = false;
      schedule();
    }, STATS_MS);
    // Status changes refresh the counts sooner, but at most once a second.
    const eager = setInterval(() => {
      if (!statsDue.current) return;
      statsDue.current = false;
      loadStats();
    }, 1000);
    return () => {
      offEvent();
      offFleet();
      clearInterval(statsTimer);
      clearInterval(eager);
      if (flushTimer.current) clearTimeout(flushTimer.current);
      flushTimer.current = null;
    };
  }, [caller, loadActive, loadStats, schedule]);

  const running = tiles.filter((t) => !isTerminal(t.status)).length;
  // Decoding full-size screenshots is the wall's main cost: the more tiles, the less often each one refreshes.
  const thumbnailEvery = Math.min(5000, Math.max(1000, tiles.length * 80));

  return (
    <>
      <PageHeader
        title="Fleet"
        subtitle={loaded ? `${running} live ${running === 1 ? "session" : "sessions"}` : "Loading the fleet…"}
        actions={
          caller?.canOperate && (
            <Link href="/new/" className={buttonClass("primary")}>
              <PlusCircle aria-hidden className="size-4" /> New session
            </Link>
          )
        }
      />
      <FleetStatsBar stats={stats} />
      <section aria-labelledby="wall-title" className="mt-5">
        <h2 id="wall-title" className="sr-only">
          Live sessions
        </h2>
        {loaded && tiles.length === 0 ? (
          <div className="rounded-lg border border-dashed border-line px-6 py-16 text-center">
            <Inbox aria-hidden className="mx-auto size-8 text-faint" />
            <p className="mt-3 font-medium">No sessions are running</p>
            <p className="mt-1 text-sm text-muted">New sessions appear here the moment they start.</p>
            {caller?.canOperate && (
              <Link href="/new/" className={buttonClass("primary", "mt-4")}>
                <PlusCircle aria-hidden className="size-4" /> Start a session
              </Link>
            )}
          </div>
        ) : (
          <ul role="list" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 2xl:grid-cols-5">
            {tiles.map((s) => (
              <li key={s.id}>
                <FleetTile session={s} thumbnailEvery={thumbnailEvery} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function FleetStatsBar({ stats }: { stats: FleetStats | null }) {
  const slotsPct = stats && stats.browserSlots > 0 ? Math.round((stats.browserSlotsInUse / stats.browserSlots) * 100) : 0;
  const perMinuteNow = stats ? stats.finishedPerMinute.slice(-5).reduce((a, b) => a + b, 0) / 5 : 0;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-12">
      <div className="col-span-2 rounded-lg border border-line bg-panel p-3 lg:col-span-5">
        <h2 className="mb-2 flex items-center justify-between gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
          <span className="flex items-center gap-1.5">
            <ListOrdered aria-hidden className="size-3.5" /> Sessions by state
          </span>
          <span className="font-normal normal-case tracking-normal">all time</span>
        </h2>
        <dl className="grid grid-cols-4 gap-x-2 gap-y-2" data-testid="status-counts">
          {STATUSES.map((s) => (
            <div key={s} className="min-w-0">
              <dt className="flex items-center gap-1.5 truncate text-[11px] text-muted">
                <span aria-hidden className={`size-1.5 shrink-0 rounded-full ${DOT[s]}`} />
                {STATUS_LABEL[s]}
              </dt>
              <dd className="text-lg font-semibold tabular-nums" data-count={s}>
                {stats ? stats.counts[s] ?? 0 : "–"}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="rounded-lg border border-line bg-panel p-3 lg:col-span-2">
        <h2 className="mb-2 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
          <Inbox aria-hidden className="size-3.5" /> Queue
        </h2>
        <p className="text-3xl font-semibold tabular-nums" data-testid="queue-depth">
          {stats ? stats.queued : "–"}
        </p>
        <p className="text-xs text-muted">waiting for a browser</p>
      </div>
      <div className="rounded-lg border border-line bg-panel p-3 lg:col-span-2">
        <h2 className="mb-2 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
          <Server aria-hidden className="size-3.5" /> Capacity
        </h2>
        <p className="text-3xl font-semibold tabular-nums" data-testid="capacity">
          {stats ? `${stats.browserSlotsInUse}/${stats.browserSlots}` : "–"}
        </p>
        <div
          className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-raised"
          role="meter"
          aria-label="Browser slots in use"
          aria-valuemin={0}
          aria-valuemax={stats?.browserSlots ?? 0}
          aria-valuenow={stats?.browserSlotsInUse ?? 0}
        >
          <div className={`h-full ${slotsPct >= 90 ? "bg-warn" : "bg-accent"}`} style={{ width: `${slotsPct}%` }} />
        </div>
      </div>
      <div className="col-span-2 rounded-lg border border-line bg-panel p-3 lg:col-span-3">
        <h2 className="mb-1 flex items-center justify-between gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
          <span className="flex items-center gap-1.5">
            <Gauge aria-hidden className="size-3.5" /> Finished / min
          </span>
          <span className="font-normal normal-case tracking-normal tabular-nums">
            {stats ? `${perMinuteNow.toFixed(1)}/min now` : ""}
          </span>
        </h2>
        <Sparkline
          values={stats?.finishedPerMinute ?? new Array(60).fill(0)}
          label={stats ? `${stats.finishedLastHour} sessions finished in the last hour` : "Loading throughput"}
        />
        <div className="flex justify-between gap-2 text-[10px] text-faint">
          <span>60 min ago</span>
          <span className="text-muted" data-testid="finished-last-hour">
            {stats ? `${stats.finishedLastHour} in the last hour` : ""}
          </span>
          <span>now</span>
        </div>
      </div>
    </div>
  );
}
