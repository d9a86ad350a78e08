import { useMutation } from "@tanstack/react-query";
import { api } from "../api/client";
import type { RoutedCall } from "../api/types";

/** The head rings the conveyor without a PBX: the call is routed and pops up like a real one. */
export function useSimulateCall() {
  return useMutation({ mutationFn: (from: string) => api.post<RoutedCall>("/api/telephony/simulate", { from }) });
}
