import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";

/** How long to wait before opening the stream again once the browser has given up on it. */
const REOPEN_AFTER_MS = 5_000;

/**
 * Re-reads the alerts the moment the server says one was raised (an `alert` event on the
 * signed-in user's stream, /api/events). The stream is open while the component using this
 * is mounted.
 */
export function useAlertEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource("/api/events");
      source.addEventListener("alert", () => void queryClient.invalidateQueries({ queryKey: ["alerts"] }));
      source.onerror = () => {
        // A dropped stream is reopened by the browser; a refused one is not: try again later.
        if (source?.readyState !== EventSource.CLOSED) return;
        reopen = setTimeout(open, REOPEN_AFTER_MS);
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [queryClient]);
}
