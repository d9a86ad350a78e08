/** Access rules: filled in with the feature. */
export {};
