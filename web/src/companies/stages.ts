import type { Stage } from "../api/types";

/** One colour per stage, the same everywhere a stage is shown. */
export const STAGE_COLORS: Record<Stage, string> = {
  cold: "blue",
  lead: "orange",
  customer: "teal",
  resting: "gray",
  archived: "dark",
};

/** The conveyor's live stages in order; resting and archived sit beside it. */
export const CONVEYOR_ORDER: readonly Stage[] = ["cold", "lead", "customer"];
