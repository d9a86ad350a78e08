import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";

/** How long to wait before opening the stream again once the browser has given up on it. */
const REOPEN_AFTER_MS = 5_000;

type Listener = (data: string) => void;

/**
 * One `/api/events` stream per tab, shared by everything that listens (inbound calls, alerts):
 * browsers allow six connections per host over HTTP/1.1, so a stream per feature per tab soon
 * starves the page's own requests.
 */
class ServerEvents {
  private source: EventSource | null = null;
  private reopen: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Map<string, Set<Listener>>();
  private onRefused: (() => void) | null = null;

  subscribe(type: string, listener: Listener, onRefused: () => void): () => void {
    this.onRefused = onRefused;
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
      this.source?.addEventListener(type, this.dispatch);
    }
    set.add(listener);
    if (!this.source) this.open();
    return () => {
      set.delete(listener);
      if ([...this.listeners.values()].every((s) => s.size === 0)) this.close();
    };
  }

  private dispatch = (event: MessageEvent) => {
    for (const listener of this.listeners.get(event.type) ?? []) listener(String(event.data));
  };

  private open() {
    const source = new EventSource("/api/events");
    this.source = source;
    for (const type of this.listeners.keys()) source.addEventListener(type, this.dispatch);
    source.onerror = () => {
      // A dropped stream is reopened by the browser itself; a refused one (session gone, a
      // proxy's 502) is not: let the app check the session, and try again later.
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      this.source = null;
      this.onRefused?.();
      this.reopen = setTimeout(() => {
        if (!this.source && [...this.listeners.values()].some((s) => s.size > 0)) this.open();
      }, REOPEN_AFTER_MS);
    };
  }

  private close() {
    clearTimeout(this.reopen);
    this.source?.close();
    this.source = null;
    this.listeners.clear();
  }
}

const shared = new ServerEvents();

/** Calls `onEvent` with each server event of `type` (its data as sent) while the component is mounted. */
export function useServerEvent(type: string, onEvent: (data: string) => void) {
  const queryClient = useQueryClient();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(
    () => shared.subscribe(type, (data) => latest.current(data), () => void queryClient.invalidateQueries({ queryKey: ["me"] })),
    [type, queryClient],
  );
}
