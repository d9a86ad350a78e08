import { useQueryClient } from "@tanstack/react-query";
import { useServerEvent } from "../common/serverEvents";

/**
 * Re-reads the alerts the moment the server says one was raised (an `alert` event on the
 * signed-in user's stream, /api/events).
 */
export function useAlertEvents() {
  const queryClient = useQueryClient();
  useServerEvent("alert", () => void queryClient.invalidateQueries({ queryKey: ["alerts"] }));
}
