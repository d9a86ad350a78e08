import type { TFunction } from "i18next";

/** Why a call went where it went, in the user's language (an unknown reason as the server spells it). */
export const routingReasonLabel = (t: TFunction, reason: string) => t(`inbound.reason.${reason}`, { defaultValue: reason });
