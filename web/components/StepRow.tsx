import { memo } from "react";
import { CheckCircle2, XCircle } from "lucide-react";
import { describeAction, ms } from "@/lib/format";
import type { StepResource } from "@/lib/types";

/** One line of the step log: what was done, why, how it went, and what it cost. */
export const StepRow = memo(function StepRow({ step }: { step: StepResource }) {
  return (
    <li data-testid="step-row" data-step-index={step.index} data-ok={step.ok} className="grid grid-cols-[2.25rem_1fr] gap-2 px-3 py-2.5 sm:px-4">
      <span className="pt-0.5 text-right font-mono text-xs text-faint tabular-nums">#{step.index + 1}</span>
      <div className="min-w-0 space-y-1">
        <div className="flex items-start justify-between gap-2">
          <p className="min-w-0 text-sm">
            {step.ok ? (
              <CheckCircle2 aria-label="succeeded" className="mr-1.5 inline size-4 -translate-y-px text-ok" />
            ) : (
              <XCircle aria-label="failed" className="mr-1.5 inline size-4 -translate-y-px text-bad" />
            )}
            <span className="mr-1.5 rounded bg-raised px-1.5 py-0.5 font-mono text-[11px] font-semibold uppercase tracking-wide text-muted">
              {step.action?.action ?? "—"}
            </span>
            <span className="break-words">{step.action?.description ?? describeAction(step.action, step.target)}</span>
          </p>
          <span className="shrink-0 text-right text-[11px] text-muted tabular-nums">
            {ms(step.timings.totalMs)}
            {step.tokens.total > 0 && <span className="block">{step.tokens.total.toLocaleString()} tok</span>}
          </span>
        </div>
        {step.action?.description && (
          <p className="truncate font-mono text-[11px] text-faint">{describeAction(step.action, step.target)}</p>
        )}
        {step.action?.reasoning && <p className="text-xs italic text-muted">“{step.action.reasoning}”</p>}
        {!step.ok && step.error && <p className="text-xs text-bad">{step.error}</p>}
      </div>
    </li>
  );
});
