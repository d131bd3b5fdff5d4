"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, SignedOutError } from "./api";
import { useAuth } from "./auth";
import { live } from "./hub";
import { mergeSteps, newer } from "./sessions";
import type { SessionResource, StepResource } from "./types";

/**
 * A session and its steps, kept current from the hub. Events are applied in batches (one render
 * per animation frame); after every (re)subscription the steps are re-read from REST, so nothing
 * missed while the link was down stays missing. So are they after a gap in the event sequence, a
 * recovery (the silo that ran the session died; an event it was sending may be lost) and the end.
 */
export function useSession(id: string | null) {
  const { caller, signOut } = useAuth();
  const [session, setSession] = useState<SessionResource | null>(null);
  const [steps, setSteps] = useState<StepResource[]>([]);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ session?: SessionResource; steps: StepResource[] }>({ steps: [] });
  const frame = useRef<number | null>(null);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof SignedOutError) signOut("refused");
      else setError(e instanceof ApiError && e.status === 404 ? "No such session for this API key." : String(e instanceof Error ? e.message : e));
    },
    [signOut],
  );

  const catchUp = useCallback(
    (sessionId: string) => {
      Promise.all([api.session(sessionId), api.steps(sessionId)])
        .then(([s, st]) => {
          setSession((current) => newer(current ?? undefined, s));
          setSteps((current) => mergeSteps(current, st));
        })
        .catch(fail);
    },
    [fail],
  );

  useEffect(() => {
    setSession(null);
    setSteps([]);
    setError(null);
    if (!id || !caller) return;
    const flush = () => {
      frame.current = null;
      const batch = pending.current;
      pending.current = { steps: [] };
      if (batch.session) setSession((current) => newer(current ?? undefined, batch.session!));
      if (batch.steps.length) setSteps((current) => mergeSteps(current, batch.steps));
    };
    let lastSequence: number | null = null;
    const offEvent = live.onEvent((event) => {
      if (event.sessionId !== id) return;
      const gap = lastSequence !== null && event.sequence > lastSequence + 1;
      lastSequence = lastSequence === null ? event.sequence : Math.max(lastSequence, event.sequence);
      if (gap || event.kind === "recovered" || event.kind === "finished") catchUp(id);
      pending.current.session = newer(pending.current.session, event.session);
      if (event.step) pending.current.steps.push(event.step);
      if (frame.current === null) frame.current = requestAnimationFrame(flush);
    });
    const offSession = live.subscribeSession(id, (s) => {
      setSession((current) => newer(current ?? undefined, s));
      catchUp(id);
    });
    catchUp(id);
    return () => {
      offEvent();
      offSession();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [id, caller, catchUp]);

  return { session, steps, error, setSession, refresh: () => id && catchUp(id) };
}
