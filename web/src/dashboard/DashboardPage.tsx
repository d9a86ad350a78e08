/** Filled in with the feature (#7). */
export function DashboardPage() {
  return null;
}
