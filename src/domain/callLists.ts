import { COMPANY_SIZES, type CompanySize } from "./conveyor.js";

/**
 * A call list is a stored filter over the cold base. Whatever the criteria, a list never holds
 * a company marked do-not-call, one that is resting or archived, or one somebody already holds.
 */
export interface CallListCriteria {
  industries?: string[];
  sizes?: CompanySize[];
  regions?: string[];
  /** Lead sources by id. */
  sourceIds?: number[];
  groups?: string[];
  /** Only companies nobody has called, met or written to for this many days (or ever). */
  notTouchedForDays?: number;
}

/** Drops empty filters and duplicates so equal criteria are stored alike. */
export function tidyCriteria(criteria: CallListCriteria): CallListCriteria {
  const tidy: CallListCriteria = {};
  const list = <T extends string>(values: T[] | undefined) => {
    const kept = [...new Set((values ?? []).map((v) => v.trim() as T).filter(Boolean))].sort();
    return kept.length ? kept : undefined;
  };
  const ids = (values: number[] | undefined) => {
    const kept = [...new Set((values ?? []).filter((v) => Number.isInteger(v) && v > 0))].sort((a, b) => a - b);
    return kept.length ? kept : undefined;
  };
  const industries = list(criteria.industries);
  const sizes = list(criteria.sizes)?.filter((s): s is CompanySize => (COMPANY_SIZES as readonly string[]).includes(s));
  const regions = list(criteria.regions);
  const sourceIds = ids(criteria.sourceIds);
  const groups = list(criteria.groups);
  if (industries) tidy.industries = industries;
  if (sizes?.length) tidy.sizes = sizes;
  if (regions) tidy.regions = regions;
  if (sourceIds) tidy.sourceIds = sourceIds;
  if (groups) tidy.groups = groups;
  const days = Math.floor(criteria.notTouchedForDays ?? 0);
  if (Number.isFinite(days) && days > 0) tidy.notTouchedForDays = days;
  return tidy;
}
