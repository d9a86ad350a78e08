import { describe, expect, it } from "vitest";
import { DEFAULT_DEAL_STAGES, isQualifyingStage } from "../../src/domain/deals.js";

describe("a qualifying deal stage", () => {
  it("is any stage past the team's first one, and won", () => {
    expect(isQualifyingStage(DEFAULT_DEAL_STAGES, "first_contact")).toBe(false);
    for (const stage of ["need_identified", "proposal_sent", "negotiation", "won"]) expect(isQualifyingStage(DEFAULT_DEAL_STAGES, stage)).toBe(true);
  });

  it("follows the team's own first stage", () => {
    expect(isQualifyingStage(["call", "demo"], "call")).toBe(false);
    expect(isQualifyingStage(["call", "demo"], "demo")).toBe(true);
    expect(isQualifyingStage(["call", "demo"], "first_contact")).toBe(true);
  });
});
