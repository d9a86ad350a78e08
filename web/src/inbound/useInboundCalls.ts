import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { InboundCallEvent } from "../api/types";

/** A call waiting on screen; `key` tells two calls from the same number apart. */
export interface InboundCall extends InboundCallEvent {
  key: number;
}

/** How long to wait before opening the stream again once the browser has given up on it. */
const REOPEN_AFTER_MS = 5_000;

/** The event's payload, or null for anything that is not an inbound call as the server sends it. */
export function parseInboundCall(data: unknown): InboundCallEvent | null {
  if (typeof data !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { from, companyId, reason } = value as Record<string, unknown>;
  if (typeof from !== "string" || typeof reason !== "string") return null;
  if (companyId !== null && typeof companyId !== "number") return null;
  return { from, companyId, reason };
}

/**
 * The calls routed to the signed-in user, live from the server's event stream. The newest is
 * last; a second call from the same number replaces the first. The stream is open while the
 * component using this is mounted (the signed-in layout), and closed on sign-out.
 */
export function useInboundCalls() {
  const queryClient = useQueryClient();
  const [calls, setCalls] = useState<InboundCall[]>([]);
  const lastKey = useRef(0);

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;

    const open = () => {
      source = new EventSource("/api/events");
      source.addEventListener("inbound_call", (event) => {
        const call = parseInboundCall(event.data);
        if (!call) return;
        lastKey.current += 1;
        const key = lastKey.current;
        setCalls((list) => [...list.filter((c) => c.from !== call.from), { ...call, key }]);
      });
      source.onerror = () => {
        // A dropped stream is reopened by the browser itself; a refused one (session gone, a
        // proxy's 502) is not. Ask who we are — signed out, the layout unmounts — and try again.
        if (source?.readyState !== EventSource.CLOSED) return;
        void queryClient.invalidateQueries({ queryKey: ["me"] });
        reopen = setTimeout(open, REOPEN_AFTER_MS);
      };
    };

    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [queryClient]);

  const dismiss = useCallback((key: number) => setCalls((list) => list.filter((c) => c.key !== key)), []);
  const dismissAll = useCallback(() => setCalls([]), []);

  return { current: calls.at(-1), waiting: Math.max(calls.length - 1, 0), dismiss, dismissAll };
}
