"use client";

import Link from "next/link";
import { memo } from "react";
import { withToken } from "@/lib/api";
import { duration, elapsedMs, shortId } from "@/lib/format";
import type { SessionResource } from "@/lib/types";
import { isTerminal } from "@/lib/types";
import { useNow } from "@/lib/useNow";
import { useThrottled } from "@/lib/useThrottled";
import { Screenshot } from "./Screenshot";
import { StatusBadge } from "./StatusBadge";

function host(url?: string) {
  if (!url) return "";
  try {
    return new URL(url).host + new URL(url).pathname;
  } catch {
    return url;
  }
}

function Elapsed({ session }: { session: SessionResource }) {
  const now = useNow();
  if (!session.startedAt) return <span>not started</span>;
  return <span>{duration(elapsedMs(session.startedAt, session.endedAt, now || Date.parse(session.updatedAt)))}</span>;
}

/** One live session on the wall. Its thumbnail changes at most once per `thumbnailEvery` ms. */
export const FleetTile = memo(function FleetTile({ session, thumbnailEvery }: { session: SessionResource; thumbnailEvery: number }) {
  const shot = useThrottled(session.screenshotUrl, thumbnailEvery);
  const max = session.maxSteps ?? session.spec.budgets?.maxSteps;
  const progress = max ? Math.min(100, (session.stepCount / max) * 100) : 0;
  const title = session.goal ?? `Plan of ${session.spec.plan?.length ?? 0} steps`;
  const done = isTerminal(session.status);
  return (
    <article
      data-testid="fleet-tile"
      data-session-id={session.id}
      data-status={session.status}
      aria-label={`${title}, ${session.status}`}
      className={`group overflow-hidden rounded-lg border bg-panel transition ${
        done ? "border-line opacity-70" : "border-line hover:border-accent/60"
      }`}
    >
      <Link href={`/session/?id=${session.id}`} className="block rounded-lg focus-visible:outline-offset-[-2px]">
        <Screenshot src={withToken(shot)} alt={`Latest screenshot of session ${shortId(session.id)}`} emptyText="Waiting for the first step" />
        <div className="h-0.5 bg-raised">
          <div className="h-full bg-accent transition-[width] duration-500" style={{ width: `${progress}%` }} />
        </div>
        <div className="space-y-1.5 p-3">
          <div className="flex items-center justify-between gap-2">
            <StatusBadge status={session.status} />
            <span className="font-mono text-[11px] text-faint">{shortId(session.id)}</span>
          </div>
          <p className="line-clamp-2 min-h-10 text-sm font-medium leading-5 group-hover:text-accent">{title}</p>
          <div className="flex items-center justify-between gap-2 text-xs text-muted tabular-nums">
            <span data-testid="tile-steps">
              Step {session.stepCount}
              {max ? `/${max}` : ""}
            </span>
            <Elapsed session={session} />
          </div>
          <p className="truncate text-[11px] text-faint" title={session.currentUrl}>
            {host(session.currentUrl ?? session.startUrl) || "\u00a0"}
          </p>
        </div>
      </Link>
    </article>
  );
});
