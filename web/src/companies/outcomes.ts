// The list lives with the domain rules so the API, the demo and the web app never drift apart.
export { CALL_OUTCOMES, isCallOutcome, outcomesFor, type CallOutcome } from "../../../src/domain/callOutcomes";
