import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import i18n from "../i18n";
import { api, ApiError, setCsrfToken, setSignedOutHandler } from "../api/client";
import type { Language, Session, User } from "../api/types";
import { isLanguage } from "../i18n";

interface SessionValue {
  user: User | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  /** Switches the UI language at once and, when signed in, stores it on the user. */
  changeLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
const ME = ["me"] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    return await api.get<Session>("/api/auth/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  const session = me.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
    if (session && isLanguage(session.user.language) && i18n.language !== session.user.language) {
      void i18n.changeLanguage(session.user.language);
    }
  }, [session]);

  useEffect(() => {
    setSignedOutHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData(ME, null);
    });
    return () => setSignedOutHandler(null);
  }, [queryClient]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const next = await api.post<Session>("/api/auth/login", { username, password });
      setCsrfToken(next.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
      if (i18n.language !== next.user.language) await i18n.changeLanguage(next.user.language);
      queryClient.setQueryData(ME, next);
      return next.user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post("/api/auth/logout");
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME, null);
    }
  }, [queryClient]);

  const changeLanguage = useCallback(
    async (language: Language) => {
      await i18n.changeLanguage(language);
      const current = queryClient.getQueryData<Session | null>(ME);
      if (!current) return;
      queryClient.setQueryData(ME, { ...current, user: { ...current.user, language } });
      const { user } = await api.patch<{ user: User }>("/api/auth/me", { language });
      queryClient.setQueryData(ME, { ...current, user });
    },
    [queryClient],
  );

  const value = useMemo<SessionValue>(
    () => ({ user: session?.user ?? null, loading: me.isPending, signIn, signOut, changeLanguage }),
    [session, me.isPending, signIn, signOut, changeLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user; only for screens behind the sign-in gate. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error("useUser without a signed-in user");
  return user;
}
