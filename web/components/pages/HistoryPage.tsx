"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { ChevronLeft, ChevronRight, Filter, History as HistoryIcon, Radio, X } from "lucide-react";
import { api, SignedOutError } from "@/lib/api";
import { useAuth } from "@/lib/auth";
import { dateTime, duration, elapsedMs, shortId, STATUS_LABEL } from "@/lib/format";
import { STATUSES, isTerminal, type SessionPage } from "@/lib/types";
import { StatusBadge } from "@/components/StatusBadge";
import { Alert, PageHeader, buttonClass, inputClass } from "@/components/ui";

const PAGE_SIZE = 20;

/** "2026-11-30T10:00" (a datetime-local value, local time) → ISO instant; "" stays "". */
function toInstant(local: string) {
  if (!local) return "";
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString();
}

export function HistoryPage() {
  const params = useSearchParams();
  const router = useRouter();
  const { signOut } = useAuth();
  const filter = {
    status: params.get("status") ?? "",
    q: params.get("q") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    page: Math.max(1, Number(params.get("page") ?? 1) || 1),
  };
  const [draft, setDraft] = useState(filter);
  const [result, setResult] = useState<SessionPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = params.toString();

  useEffect(() => {
    setDraft(filter);
    let cancelled = false;
    setLoading(true);
    api
      .sessions({ status: filter.status, q: filter.q, from: toInstant(filter.from), to: toInstant(filter.to), page: filter.page, pageSize: PAGE_SIZE })
      .then((r) => {
        if (cancelled) return;
        setResult(r);
        setError(null);
      })
      .catch((e) => {
        if (cancelled) return;
        if (e instanceof SignedOutError) signOut("refused");
        else setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
    // The query string is the filter's source of truth.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  function navigate(next: typeof filter) {
    const q = new URLSearchParams();
    if (next.status) q.set("status", next.status);
    if (next.q.trim()) q.set("q", next.q.trim());
    if (next.from) q.set("from", next.from);
    if (next.to) q.set("to", next.to);
    if (next.page > 1) q.set("page", String(next.page));
    const text = q.toString();
    router.push(`/history/${text ? `?${text}` : ""}`);
  }

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const filtered = filter.status || filter.q || filter.from || filter.to;

  return (
    <>
      <PageHeader title="History" subtitle={result ? `${result.total.toLocaleString()} ${result.total === 1 ? "session" : "sessions"}${filtered ? " match" : ""}` : "Loading…"} />
      <form
        role="search"
        aria-label="Filter sessions"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ ...draft, page: 1 });
        }}
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-line bg-panel p-3 md:grid-cols-[2fr_1fr_1fr_1fr_auto]"
      >
        <div className="col-span-2 md:col-span-1">
          <label htmlFor="h-q" className="mb-1 block text-xs font-medium text-muted">
            Goal contains
          </label>
          <input id="h-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} placeholder="Search goals" className={inputClass} />
        </div>
        <div className="col-span-2 md:col-span-1">
          <label htmlFor="h-status" className="mb-1 block text-xs font-medium text-muted">
            Status
          </label>
          <select
            id="h-status"
            value={draft.status}
            onChange={(e) => navigate({ ...draft, status: e.target.value, page: 1 })}
            className={inputClass}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="h-from" className="mb-1 block text-xs font-medium text-muted">
            Created from
          </label>
          <input id="h-from" type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} className={inputClass} />
        </div>
        <div>
          <label htmlFor="h-to" className="mb-1 block text-xs font-medium text-muted">
            Created before
          </label>
          <input id="h-to" type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} className={inputClass} />
        </div>
        <div className="col-span-2 flex items-end gap-2 md:col-span-1">
          <button type="submit" className={buttonClass("primary", "flex-1 py-2 md:flex-none")}>
            <Filter aria-hidden className="size-4" /> Apply
          </button>
          {filtered && (
            <button type="button" onClick={() => navigate({ status: "", q: "", from: "", to: "", page: 1 })} className={buttonClass("secondary", "py-2")}>
              <X aria-hidden className="size-4" /> Clear
            </button>
          )}
        </div>
      </form>

      {error && <Alert>{error}</Alert>}
      <div className="overflow-hidden rounded-lg border border-line bg-panel" aria-busy={loading}>
        <table className="w-full text-sm">
          <caption className="sr-only">Sessions, newest first</caption>
          <thead className="border-b border-line bg-raised text-left text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sm:hidden">Session</span>
                <span className="hidden sm:inline">Goal</span>
              </th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">Steps</th>
              <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Created</th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium md:table-cell">Duration</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {result?.items.map((s) => (
              <tr key={s.id} data-testid="history-row" data-session-id={s.id} className="hover:bg-raised/60">
                <td className="hidden px-3 py-2 align-top sm:table-cell">
                  <StatusBadge status={s.status} />
                </td>
                <td className="w-full max-w-0 px-3 py-2 align-top">
                  <StatusBadge status={s.status} className="mb-1 sm:hidden" />
                  <Link href={isTerminal(s.status) ? `/replay/?id=${s.id}` : `/session/?id=${s.id}`} className="line-clamp-2 font-medium hover:text-accent">
                    {s.goal ?? `Plan of ${s.spec.plan?.length ?? 0} steps`}
                  </Link>
                  <span className="font-mono text-[11px] text-faint">{shortId(s.id)}</span>
                  {s.error && <span className="block truncate text-xs text-bad">{s.error.message}</span>}
                </td>
                <td className="hidden px-3 py-2 text-right align-top tabular-nums sm:table-cell">{s.stepCount}</td>
                <td className="hidden px-3 py-2 align-top whitespace-nowrap text-muted md:table-cell">{dateTime(s.createdAt)}</td>
                <td className="hidden px-3 py-2 text-right align-top tabular-nums text-muted md:table-cell">
                  {s.startedAt ? duration(elapsedMs(s.startedAt, s.endedAt ?? s.updatedAt, Date.now())) : "—"}
                </td>
                <td className="px-3 py-2 text-right align-top whitespace-nowrap">
                  <Link href={`/session/?id=${s.id}`} className="inline-grid size-8 place-items-center rounded-md text-muted hover:bg-raised hover:text-ink" aria-label="Live view" title="Live view">
                    <Radio aria-hidden className="size-4" />
                  </Link>
                  <Link href={`/replay/?id=${s.id}`} className="inline-grid size-8 place-items-center rounded-md text-muted hover:bg-raised hover:text-ink" aria-label="Replay" title="Replay">
                    <HistoryIcon aria-hidden className="size-4" />
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {result && result.items.length === 0 && <p className="p-10 text-center text-sm text-muted">No sessions {filtered ? "match these filters" : "yet"}.</p>}
      </div>
      <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-2">
        <button type="button" className={buttonClass()} disabled={filter.page <= 1} onClick={() => navigate({ ...filter, page: filter.page - 1 })}>
          <ChevronLeft aria-hidden className="size-4" /> Newer
        </button>
        <span className="text-sm text-muted tabular-nums">
          Page {filter.page} of {pages}
        </span>
        <button type="button" className={buttonClass()} disabled={filter.page >= pages} onClick={() => navigate({ ...filter, page: filter.page + 1 })}>
          Older <ChevronRight aria-hidden className="size-4" />
        </button>
      </nav>
    </>
  );
}
