"use client";

import { useEffect, useState } from "react";
import { live, type LinkState } from "@/lib/hub";

const LABEL: Record<LinkState, string> = {
  connecting: "Connecting",
  live: "Live",
  reconnecting: "Reconnecting",
  offline: "Offline",
};

const DOT: Record<LinkState, string> = {
  connecting: "bg-warn",
  live: "bg-ok",
  reconnecting: "bg-warn animate-pulse",
  offline: "bg-faint",
};

/** The live link's state, announced politely to screen readers when it changes. */
export function LinkIndicator() {
  const [state, setState] = useState<LinkState>(live.current);
  useEffect(() => {
    setState(live.current);
    return live.onState(setState);
  }, []);
  return (
    <span
      role="status"
      data-link-state={state}
      className="flex items-center gap-1.5 rounded-full border border-line px-2.5 py-1 text-xs font-medium text-muted"
    >
      <span aria-hidden className={`size-2 rounded-full ${DOT[state]}`} />
      {LABEL[state]}
    </span>
  );
}
