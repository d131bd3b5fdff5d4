"use client";

import { createContext, useCallback, useContext } from "react";
import { setApiKey } from "./api";
import { live } from "./hub";
import type { Caller } from "./types";

export interface AuthState {
  caller: Caller | null;
  signOut: (reason?: string) => void;
}

export const AuthContext = createContext<AuthState>({ caller: null, signOut: () => undefined });

export const useAuth = () => useContext(AuthContext);

/** Forgets the key and drops the live link; the shell then shows the sign-in screen. */
export function useSignOut(onSignedOut: (reason?: string) => void) {
  return useCallback(
    (reason?: string) => {
      setApiKey(null);
      live.stop();
      onSignedOut(reason);
    },
    [onSignedOut],
  );
}
