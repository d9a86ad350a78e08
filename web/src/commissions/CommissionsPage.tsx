/** Filled in with the feature (#7). */
export function CommissionsPage() {
  return null;
}
