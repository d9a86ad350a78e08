import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Session } from "../api/types";
import type { Delimiter, Detection, DryRun, ImportJob, ImportState, RunChoice, TextEncoding } from "./types";

const KEY = ["imports"] as const;
/** A running import is polled this often; the progress bar moves with each committed batch. */
export const POLL_MS = 1000;

const isRunning = (job: ImportJob | undefined) => job?.status === "running";

/** Past imports, newest first; refreshed while one of them runs. */
export function useImports() {
  return useQuery({
    queryKey: [...KEY, "list"],
    queryFn: ({ signal }) => api.get<{ items: ImportJob[] }>("/api/imports", undefined, signal),
    select: (data) => data.items,
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? POLL_MS * 2 : false),
  });
}

/** One import's status, counts and progress, polled every second while it runs. */
export function useImportState(id: number | null) {
  return useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: ({ signal }) => api.get<ImportState>(`/api/imports/${id}`, undefined, signal),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (isRunning(query.state.data?.import) ? POLL_MS : false),
  });
}

/** The uploaded file read again with another encoding or delimiter. */
export function usePreview() {
  return useMutation({
    mutationFn: ({ id, encoding, delimiter }: { id: number; encoding?: TextEncoding; delimiter?: Delimiter }) =>
      api.get<{ detection: Detection }>(`/api/imports/${id}/preview`, { encoding, delimiter }).then((r) => r.detection),
  });
}

export function useDryRun() {
  return useMutation({
    mutationFn: ({ id, choice }: { id: number; choice: RunChoice }) => api.post<{ import: ImportJob; dryRun: DryRun }>(`/api/imports/${id}/dry-run`, choice),
  });
}

/** Starting a run or resuming one: the server answers at once (202) and the state is polled from then on. */
function useStart<T>(start: (args: T) => Promise<{ import: ImportJob }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: start,
    onSuccess: ({ import: job }) => {
      queryClient.setQueryData<ImportState>([...KEY, "one", job.id], (state) => ({ rejectReasons: state?.rejectReasons ?? [], import: job }));
      void queryClient.invalidateQueries({ queryKey: [...KEY, "list"] });
    },
  });
}

export const useRunImport = () => useStart(({ id, choice }: { id: number; choice: RunChoice }) => api.post<{ import: ImportJob }>(`/api/imports/${id}/run`, choice));

export const useResumeImport = () => useStart((id: number) => api.post<{ import: ImportJob }>(`/api/imports/${id}/resume`));

export function useImportsChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: KEY });
}

/** The session's CSRF token, for the upload that cannot go through the shared client. */
export function useCsrfToken(): () => string | null {
  const queryClient = useQueryClient();
  return () => queryClient.getQueryData<Session | null>(["me"])?.csrfToken ?? null;
}

/** Every rejected row with its line, reason and cells (a plain link: the session cookie goes along). */
export const errorReportUrl = (id: number) => `/api/imports/${id}/errors.csv`;
