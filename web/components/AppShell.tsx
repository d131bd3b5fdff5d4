"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { Activity, History, LogOut, Network, PlusCircle, Server, Workflow } from "lucide-react";
import { api, getApiKey, SignedOutError } from "@/lib/api";
import { AuthContext, useSignOut } from "@/lib/auth";
import { live } from "@/lib/hub";
import type { Caller } from "@/lib/types";
import { LinkIndicator } from "./LinkIndicator";
import { ThemeToggle } from "./ThemeToggle";

const NAV = [
  { href: "/", label: "Fleet", icon: Activity },
  { href: "/new/", label: "New session", icon: PlusCircle },
  { href: "/history/", label: "History", icon: History },
] as const;

// Silos, slots and the admission queue: what only an admin key may read.
const ADMIN_NAV = [{ href: "/cluster/", label: "Cluster", icon: Network }] as const;

function isCurrent(pathname: string, href: string) {
  const path = pathname.endsWith("/") ? pathname : `${pathname}/`;
  return href === "/" ? path === "/" : path.startsWith(href);
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const pathname = usePathname() ?? "/";
  const onSignIn = pathname.startsWith("/sign-in");
  const [caller, setCaller] = useState<Caller | null>(null);

  // A full page load, not a client-side route change: it cannot be lost while the app is still
  // hydrating (the first page of a visit), and it drops everything held in memory for the old key.
  const signOut = useSignOut(
    useCallback((reason?: string) => {
      setCaller(null);
      const here = window.location.pathname + window.location.search;
      const params = new URLSearchParams();
      if (!here.startsWith("/sign-in")) params.set("next", here);
      if (reason) params.set("reason", reason);
      window.location.replace(`/sign-in/?${params}`);
    }, []),
  );

  useEffect(() => {
    if (onSignIn) return;
    if (!getApiKey()) {
      signOut();
      return;
    }
    if (caller) return;
    let cancelled = false;
    api
      .me()
      .then((c) => {
        if (cancelled) return;
        setCaller(c);
        live.connect();
      })
      .catch((e) => {
        if (!cancelled && e instanceof SignedOutError) signOut("refused");
      });
    return () => {
      cancelled = true;
    };
  }, [onSignIn, caller, signOut]);

  if (onSignIn) return <>{children}</>;

  return (
    <AuthContext.Provider value={{ caller, signOut }}>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-accent px-3 py-2 text-accent-ink focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-line bg-panel/95 backdrop-blur">
        <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 sm:px-5">
          <Link href="/" className="flex items-center gap-2 rounded font-semibold tracking-tight">
            <span className="grid size-7 place-items-center rounded-md bg-accent text-accent-ink">
              <Workflow aria-hidden className="size-4" />
            </span>
            <span>RpaOrleans</span>
          </Link>
          <nav aria-label="Main" className="order-last -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
            {[...NAV, ...(caller?.role === "admin" ? ADMIN_NAV : [])].map(({ href, label, icon: Icon }) => {
              const current = isCurrent(pathname, href);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={current ? "page" : undefined}
                  className={`flex shrink-0 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${
                    current ? "bg-raised text-ink ring-1 ring-line" : "text-muted hover:bg-raised hover:text-ink"
                  }`}
                >
                  <Icon aria-hidden className="size-4" />
                  {label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <LinkIndicator />
            {caller && (
              <span className="hidden text-xs text-muted md:inline" title={`API key "${caller.name}"`}>
                {caller.tenant} · {caller.role}
              </span>
            )}
            {caller?.role === "admin" && (
              // Orleans' own dashboard: the key goes along once and becomes a cookie scoped to /orleans.
              <a
                href={`/orleans/?access_token=${encodeURIComponent(getApiKey() ?? "")}`}
                target="_blank"
                rel="noopener noreferrer"
                className="grid size-9 place-items-center rounded-md text-muted hover:bg-raised hover:text-ink"
                aria-label="Orleans dashboard (opens in a new tab)"
                title="Orleans dashboard: silos, grains, call rates"
              >
                <Server aria-hidden className="size-4" />
              </a>
            )}
            <ThemeToggle />
            <button
              type="button"
              onClick={() => signOut()}
              className="grid size-9 place-items-center rounded-md text-muted hover:bg-raised hover:text-ink"
              aria-label="Sign out"
              title="Sign out"
            >
              <LogOut aria-hidden className="size-4" />
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-[1600px] px-3 py-4 outline-none sm:px-5 sm:py-5">
        {caller ? children : <p className="py-20 text-center text-sm text-muted">Checking your API key…</p>}
      </main>
    </AuthContext.Provider>
  );
}
