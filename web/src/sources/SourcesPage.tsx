/** Filled in with the feature (#7). */
export function SourcesPage() {
  return null;
}
