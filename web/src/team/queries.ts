import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Language, Role, User } from "../api/types";

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  password: string;
  language: Language;
}

export type UserPatch = Partial<Pick<User, "fullName" | "role" | "active" | "language">> & { password?: string };

export function useTeamDirectory() {
  return useQuery({
    queryKey: ["users", { includeInactive: true }],
    queryFn: () => api.get<{ items: User[] }>("/api/users", { includeInactive: true }),
    select: (data) => data.items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api.post<{ user: User }>("/api/users", body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatch }) => api.patch<{ user: User }>(`/api/users/${id}`, patch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
