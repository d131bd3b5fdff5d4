"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { KeyRound, Workflow } from "lucide-react";
import { api, ApiError, setApiKey } from "@/lib/api";
import { Alert, buttonClass, inputClass } from "@/components/ui";
import { ThemeToggle } from "@/components/ThemeToggle";

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null) {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/";
}

export function SignIn() {
  const router = useRouter();
  const params = useSearchParams();
  const [key, setKey] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(
    params.get("reason") === "refused" ? "Your API key was refused; sign in again." : null,
  );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError("Enter an API key.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.me(trimmed);
      setApiKey(trimmed);
      router.replace(safeNext(params.get("next")));
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? "That API key was refused. Check it and try again."
          : `Could not reach the server (${e instanceof Error ? e.message : "unknown error"}).`,
      );
      setBusy(false);
    }
  }

  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="absolute right-3 top-3">
        <ThemeToggle />
      </div>
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-3">
          <span className="grid size-10 place-items-center rounded-lg bg-accent text-accent-ink">
            <Workflow aria-hidden className="size-5" />
          </span>
          <div>
            <h1 className="text-lg font-semibold tracking-tight">RpaOrleans</h1>
            <p className="text-sm text-muted">Operator dashboard</p>
          </div>
        </div>
        <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-line bg-panel p-5 shadow-sm">
          <div className="space-y-1.5">
            <label htmlFor="api-key" className="block text-sm font-medium">
              API key
            </label>
            <div className="relative">
              <KeyRound aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-faint" />
              <input
                id="api-key"
                name="api-key"
                type="password"
                autoComplete="off"
                autoFocus
                spellCheck={false}
                value={key}
                onChange={(e) => setKey(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "sign-in-error key-help" : "key-help"}
                className={`${inputClass} pl-9 font-mono`}
              />
            </div>
            <p id="key-help" className="text-xs text-muted">
              Kept for this browser tab only; closing it signs you out.
            </p>
          </div>
          {error && <Alert id="sign-in-error">{error}</Alert>}
          <button type="submit" disabled={busy} className={buttonClass("primary", "w-full py-2")}>
            {busy ? "Checking…" : "Sign in"}
          </button>
        </form>
      </div>
    </main>
  );
}
