import type { ReactNode } from "react";

export function Panel({ title, actions, children, className = "", as: Tag = "section" }: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  as?: "section" | "div" | "aside";
}) {
  return (
    <Tag className={`rounded-lg border border-line bg-panel ${className}`}>
      {(title || actions) && (
        <div className="flex items-center justify-between gap-2 border-b border-line px-4 py-2.5">
          {title && <h2 className="text-sm font-semibold">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </Tag>
  );
}

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {subtitle && <p className="mt-0.5 text-sm text-muted">{subtitle}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

const BUTTON = {
  primary: "bg-accent text-accent-ink hover:brightness-110 border-transparent",
  secondary: "bg-panel text-ink border-line hover:bg-raised",
  danger: "bg-panel text-bad border-bad/50 hover:bg-bad/10",
} as const;

export function buttonClass(kind: keyof typeof BUTTON = "secondary", extra = "") {
  return `inline-flex items-center justify-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50 ${BUTTON[kind]} ${extra}`;
}

export const inputClass =
  "w-full rounded-md border border-line bg-raised px-3 py-2 text-sm text-ink placeholder:text-faint focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30";

export function Alert({ kind = "error", children, id }: { kind?: "error" | "info"; children: ReactNode; id?: string }) {
  return (
    <div
      id={id}
      role={kind === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-sm ${kind === "error" ? "border-bad/40 bg-bad/10 text-bad" : "border-info/40 bg-info/10 text-info"}`}
    >
      {children}
    </div>
  );
}
