import { useReducer } from "react";
import type { ColumnMapping, Detection, DryRun, ImportJob, RunChoice, Uploaded } from "./types";

/**
 * The import screen's steps and what each one settled: the uploaded file, how it is read, the
 * mapping and source, the dry run, and the import being run. Changing anything a dry run went
 * by forgets the dry run: what is run is always what was last counted.
 */
export const STEPS = ["file", "reading", "mapping", "dryRun", "run"] as const;
export type Step = (typeof STEPS)[number];

export interface WizardState {
  step: number;
  job: ImportJob | null;
  detection: Detection | null;
  mapping: ColumnMapping;
  sourceId: number | null;
  dryRun: DryRun | null;
  /** The import being run (or followed from the history). */
  runId: number | null;
}

export type WizardAction =
  | { type: "uploaded"; uploaded: Uploaded }
  | { type: "reread"; detection: Detection }
  | { type: "mapping"; mapping: ColumnMapping }
  | { type: "source"; sourceId: number | null }
  | { type: "dryRun"; dryRun: DryRun }
  | { type: "goTo"; step: Step }
  | { type: "follow"; id: number }
  | { type: "reset" };

export const INITIAL: WizardState = { step: 0, job: null, detection: null, mapping: [], sourceId: null, dryRun: null, runId: null };

const at = (step: Step) => STEPS.indexOf(step);

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "uploaded":
      return { ...INITIAL, sourceId: state.sourceId, step: at("reading"), job: action.uploaded.import, detection: action.uploaded.detection, mapping: action.uploaded.detection.mapping };
    case "reread":
      // Other headers may come out under another reading: the suggestion for them replaces the mapping.
      return { ...state, detection: action.detection, mapping: action.detection.mapping, dryRun: null };
    case "mapping":
      return { ...state, mapping: action.mapping, dryRun: null };
    case "source":
      return { ...state, sourceId: action.sourceId, dryRun: null };
    case "dryRun":
      return { ...state, dryRun: action.dryRun, step: at("dryRun") };
    case "goTo":
      return { ...state, step: at(action.step) };
    case "follow":
      return { ...INITIAL, step: at("run"), runId: action.id };
    case "reset":
      return INITIAL;
  }
}

/** What the dry run and the run are asked to go by: the reading the person confirmed, their mapping and source. */
export function runChoiceOf(state: WizardState): RunChoice {
  return {
    mapping: state.mapping,
    sourceId: state.sourceId,
    ...(state.detection?.encoding ? { encoding: state.detection.encoding.chosen } : {}),
    ...(state.detection?.delimiter ? { delimiter: state.detection.delimiter.chosen } : {}),
  };
}

export const useImportWizard = () => useReducer(wizardReducer, INITIAL);
