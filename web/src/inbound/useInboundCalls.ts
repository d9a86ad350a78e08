import { useCallback, useRef, useState } from "react";
import { useServerEvent } from "../common/serverEvents";
import type { InboundCallEvent } from "../api/types";

/** A call waiting on screen; `key` tells two calls from the same number apart. */
export interface InboundCall extends InboundCallEvent {
  key: number;
}

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
 * last; a second call from the same number replaces the first. The shared stream is open while a
 * component listening is mounted (the signed-in layout), and closed on sign-out.
 */
export function useInboundCalls() {
  const [calls, setCalls] = useState<InboundCall[]>([]);
  const lastKey = useRef(0);

  useServerEvent("inbound_call", (data) => {
    const call = parseInboundCall(data);
    if (!call) return;
    lastKey.current += 1;
    const key = lastKey.current;
    setCalls((list) => [...list.filter((c) => c.from !== call.from), { ...call, key }]);
  });

  const dismiss = useCallback((key: number) => setCalls((list) => list.filter((c) => c.key !== key)), []);
  const dismissAll = useCallback(() => setCalls([]), []);

  return { current: calls.at(-1), waiting: Math.max(calls.length - 1, 0), dismiss, dismissAll };
}
