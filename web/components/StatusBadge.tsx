import { CheckCircle2, CircleDashed, Clock, Loader2, PauseCircle, Timer, XCircle, Ban } from "lucide-react";
import { STATUS_LABEL } from "@/lib/format";
import type { SessionStatus } from "@/lib/types";

const STYLE: Record<SessionStatus, { cls: string; icon: typeof Clock; spin?: boolean }> = {
  queued: { cls: "text-muted border-line", icon: Clock },
  starting: { cls: "text-info border-info/40", icon: CircleDashed },
  running: { cls: "text-accent border-accent/40", icon: Loader2, spin: true },
  paused: { cls: "text-warn border-warn/40", icon: PauseCircle },
  succeeded: { cls: "text-ok border-ok/40", icon: CheckCircle2 },
  failed: { cls: "text-bad border-bad/40", icon: XCircle },
  cancelled: { cls: "text-muted border-line", icon: Ban },
  timedOut: { cls: "text-bad border-bad/40", icon: Timer },
};

export function StatusBadge({ status, className = "" }: { status: SessionStatus; className?: string }) {
  const { cls, icon: Icon, spin } = STYLE[status];
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${cls} ${className}`}
    >
      <Icon aria-hidden className={`size-3.5 ${spin ? "animate-spin [animation-duration:2s]" : ""}`} />
      {STATUS_LABEL[status]}
    </span>
  );
}
