import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Product } from "../api/types";

export function useProducts(enabled = true) {
  return useQuery({ queryKey: ["products"], queryFn: () => api.get<{ items: Product[] }>("/api/products"), select: (d) => d.items, enabled });
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; sku?: string }) => api.post<{ product: Product }>("/api/products", body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["products"] }),
  });
}
