"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Inbox, Network, Server, Users } from "lucide-react";
import { ApiError, api, SignedOutError } from "@/lib/api";
import { useAuth } from "@/lib/auth";
import type { ClusterSilo, ClusterView } from "@/lib/types";
import { Alert, PageHeader, Panel } from "@/components/ui";

const REFRESH_MS = 2_000;

const MEMBER_STYLE: Record<string, string> = {
  active: "text-ok border-ok/40",
  joining: "text-info border-info/40",
  created: "text-info border-info/40",
  shuttingdown: "text-warn border-warn/40",
  stopping: "text-warn border-warn/40",
  dead: "text-bad border-bad/40",
};

const MEMBER_LABEL: Record<string, string> = { shuttingdown: "shutting down" };

/** "10.0.0.5:11111@123456" → endpoint and generation (a silo restarted on the same port gets a new one). */
function splitAddress(address: string) {
  const at = address.lastIndexOf("@");
  return at < 0 ? { endpoint: address, generation: "" } : { endpoint: address.slice(0, at), generation: address.slice(at + 1) };
}

export function ClusterPage() {
  const { caller, signOut } = useAuth();
  const [view, setView] = useState<ClusterView | null>(null);
  const [error, setError] = useState<{ message: string; forbidden: boolean } | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  useEffect(() => {
    // Only admins may read the cluster: other keys are told so without a request that must fail.
    if (caller?.role !== "admin") return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let inFlight = false;
    const load = async () => {
      if (inFlight) return;
      inFlight = true;
      try {
        const next = await api.cluster();
        if (cancelled) return;
        setView(next);
        setUpdatedAt(new Date());
        setError(null);
      } catch (e) {
        if (cancelled) return;
        if (e instanceof SignedOutError) {
          signOut("refused");
          return;
        }
        const forbidden = e instanceof ApiError && e.status === 403;
        setError({ message: e instanceof Error ? e.message : String(e), forbidden });
        if (forbidden) return;
      } finally {
        inFlight = false;
      }
      // A hidden tab stops polling; it catches up when shown again.
      if (!cancelled) timer = setTimeout(() => (document.hidden ? undefined : void load()), REFRESH_MS);
    };
    const onVisible = () => {
      if (!document.hidden && !cancelled) {
        if (timer) clearTimeout(timer);
        void load();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [caller, signOut]);

  if (caller && caller.role !== "admin") {
    return (
      <>
        <PageHeader title="Cluster" />
        <Alert>The cluster view needs an admin key; you are signed in as {caller.role}.</Alert>
      </>
    );
  }

  const silos = [...(view?.silos ?? [])].sort((a, b) => b.slots - a.slots || a.address.localeCompare(b.address));
  const browserSilos = silos.filter((s) => s.slots > 0 && s.status === "active" && !s.draining).length;
  const tenants = [...new Set([...Object.keys(view?.admittedByTenant ?? {}), ...Object.keys(view?.queuedByTenant ?? {})])].sort();
  const slotsPct = view && view.slots > 0 ? Math.round((view.slotsInUse / view.slots) * 100) : 0;

  return (
    <>
      <PageHeader
        title="Cluster"
        subtitle={
          view
            ? `${silos.length} ${silos.length === 1 ? "silo" : "silos"}, ${browserSilos} taking sessions · updated ${updatedAt?.toLocaleTimeString() ?? ""}`
            : error
              ? "Could not load the cluster"
              : "Loading the cluster…"
        }
      />
      {error && (
        <div className="mb-4">
          <Alert>
            {error.forbidden ? "The cluster view needs an admin key." : `Could not refresh the cluster: ${error.message}`}
            {view && !error.forbidden && " The figures below are from the last answer."}
          </Alert>
        </div>
      )}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat icon={Network} label="Silos" value={view ? String(silos.length) : "–"} note={view ? `${browserSilos} taking sessions` : ""} testId="cluster-silos" />
        <div className="rounded-lg border border-line bg-panel p-3">
          <h2 className="mb-2 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
            <Server aria-hidden className="size-3.5" /> Browser slots
          </h2>
          <p className="text-3xl font-semibold tabular-nums" data-testid="cluster-slots">
            {view ? `${view.slotsInUse}/${view.slots}` : "–"}
          </p>
          <Meter used={view?.slotsInUse ?? 0} total={view?.slots ?? 0} label="Browser slots in use across the cluster" pct={slotsPct} />
        </div>
        <Stat icon={Inbox} label="Queue" value={view ? String(view.queueDepth) : "–"} note="waiting for a browser" testId="cluster-queue" />
        <Stat
          icon={Users}
          label="Admission"
          value={view ? String(view.capacity) : "–"}
          note="slots open to new sessions"
          testId="cluster-capacity"
        />
      </div>

      <div className="mt-5 grid gap-5 xl:grid-cols-3">
        <Panel title="Silos" className="xl:col-span-2">
          <DataTable
            columns={[{ label: "Silo" }, { label: "Membership" }, { label: "Role", className: "hidden sm:table-cell" }, { label: "Slots" }]}
            empty={view && silos.length === 0 ? "No silo has reported its browser slots yet." : null}
          >
            {silos.map((silo) => (
              <SiloRow key={silo.address} silo={silo} />
            ))}
          </DataTable>
        </Panel>
        <Panel title="Tenants">
          <DataTable
            columns={[{ label: "Tenant" }, { label: "Running", className: "text-right" }, { label: "Queued", className: "text-right" }]}
            empty={view && tenants.length === 0 ? "No tenant has a session running or waiting." : null}
          >
            {tenants.map((tenant) => (
              <tr key={tenant} className="border-b border-line last:border-0" data-testid="tenant-row" data-tenant={tenant}>
                <th scope="row" className="px-4 py-2 text-left font-medium">{tenant}</th>
                <td className="px-4 py-2 text-right tabular-nums" data-testid="tenant-running">{view?.admittedByTenant[tenant] ?? 0}</td>
                <td className="px-4 py-2 text-right tabular-nums" data-testid="tenant-queued">{view?.queuedByTenant[tenant] ?? 0}</td>
              </tr>
            ))}
          </DataTable>
        </Panel>
      </div>
    </>
  );
}

/** A table in a panel, or a line saying why it is empty. */
function DataTable({ columns, empty, children }: { columns: { label: string; className?: string }[]; empty: string | null; children: ReactNode }) {
  if (empty) return <p className="px-4 py-8 text-center text-sm text-muted">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-muted">
          <tr className="border-b border-line">
            {columns.map(({ label, className = "" }) => (
              <th key={label} scope="col" className={`px-4 py-2 font-medium ${className}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function SiloRow({ silo }: { silo: ClusterSilo }) {
  const { endpoint, generation } = splitAddress(silo.address);
  const pct = silo.slots > 0 ? Math.round((silo.slotsInUse / silo.slots) * 100) : 0;
  return (
    <tr className="border-b border-line last:border-0" data-testid="silo-row" data-silo={silo.address} data-status={silo.status} data-slots={silo.slots}>
      <th scope="row" className="px-4 py-2 text-left font-normal">
        <span className="font-mono text-xs font-medium">{endpoint}</span>
        {generation && <span className="block text-[11px] text-faint">generation {generation}</span>}
      </th>
      <td className="px-4 py-2">
        <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${MEMBER_STYLE[silo.status] ?? "text-muted border-line"}`}>
          {MEMBER_LABEL[silo.status] ?? silo.status}
        </span>
        {silo.draining && (
          <span className="ml-1 inline-flex rounded-full border border-warn/40 px-2 py-0.5 text-xs font-medium text-warn" data-testid="silo-draining">
            draining
          </span>
        )}
      </td>
      <td className="hidden px-4 py-2 text-muted sm:table-cell">{silo.slots > 0 ? "Browsers" : "API and gateway"}</td>
      <td className="w-40 px-4 py-2">
        {silo.slots > 0 ? (
          <>
            <span className="tabular-nums" data-testid="silo-slots">
              {silo.slotsInUse}/{silo.slots}
            </span>
            <Meter used={silo.slotsInUse} total={silo.slots} label={`Browser slots in use on ${endpoint}`} pct={pct} />
          </>
        ) : (
          <span className="text-muted" data-testid="silo-slots">none</span>
        )}
      </td>
    </tr>
  );
}

function Meter({ used, total, label, pct }: { used: number; total: number; label: string; pct: number }) {
  return (
    <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-raised" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}>
      <div className={`h-full ${pct >= 90 ? "bg-warn" : "bg-accent"}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

function Stat({ icon: Icon, label, value, note, testId }: { icon: typeof Server; label: string; value: string; note: string; testId: string }) {
  return (
    <div className="rounded-lg border border-line bg-panel p-3">
      <h2 className="mb-2 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
        <Icon aria-hidden className="size-3.5" /> {label}
      </h2>
      <p className="text-3xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
      <p className="text-xs text-muted">{note}</p>
    </div>
  );
}
