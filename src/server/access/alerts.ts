import { mayManageSources, mayReadSourceIntakes, sourceScope, type SourceScope } from "./sources.js";

/**
 * Source alerts follow the sources' own rules: the head (and an admin) sees every alert and may
 * dismiss one with a note. Whoever owns a lead source answers for its quality: they see that
 * source's alerts and acknowledge them. Everyone else sees none.
 */
export type AlertScope = SourceScope;
export const alertScope = sourceScope;

export const maySeeAlert = mayReadSourceIntakes;

export const mayAcknowledgeAlert = maySeeAlert;

export const mayDismissAlert = mayManageSources;

/** Who hears of a newly raised alert at once: the head(s), the admins, and the source's owner. */
export const hearsOfNewAlert = maySeeAlert;
