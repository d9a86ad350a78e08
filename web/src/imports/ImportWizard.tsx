import type { Dispatch } from "react";
import { useTranslation } from "react-i18next";
import { Paper, Stepper } from "@mantine/core";
import { DryRunStep } from "./DryRunStep";
import { FileStep } from "./FileStep";
import { MappingStep } from "./MappingStep";
import { useDryRun, useImportsChanged, usePreview, useRunImport } from "./queries";
import { ReadingStep } from "./ReadingStep";
import { RunStep } from "./RunStep";
import { runChoiceOf, STEPS, type Step, type WizardAction, type WizardState } from "./wizard";

/**
 * The import as steps: file, reading, mapping, dry run, run. A step already passed can be
 * gone back to until the run starts; from then on the run is only watched.
 */
export function ImportWizard({ state, dispatch }: { state: WizardState; dispatch: Dispatch<WizardAction> }) {
  const { t } = useTranslation();
  const preview = usePreview();
  const dryRun = useDryRun();
  const run = useRunImport();
  const changed = useImportsChanged();
  const goTo = (step: Step) => dispatch({ type: "goTo", step });
  const started = state.step === STEPS.indexOf("run");
  const { job, detection } = state;

  return (
    <Paper withBorder radius="md" p="lg" data-testid="import-wizard" data-step={STEPS[state.step]}>
      <Stepper active={state.step} onStepClick={(i) => dispatch({ type: "goTo", step: STEPS[i]! })} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t("imports.steps.file")} description={job?.fileName} allowStepSelect={!started}>
          <FileStep
            onUploaded={(uploaded) => {
              preview.reset();
              dryRun.reset();
              dispatch({ type: "uploaded", uploaded });
              changed();
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t("imports.steps.reading")} allowStepSelect={!started && detection !== null}>
          {job && detection ? (
            <ReadingStep
              detection={detection}
              rereading={preview.isPending}
              error={preview.error}
              onReread={(choice) => preview.mutate({ id: job.id, ...choice }, { onSuccess: (next) => dispatch({ type: "reread", detection: next }) })}
              onBack={() => goTo("file")}
              onNext={() => goTo("mapping")}
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={t("imports.steps.mapping")} allowStepSelect={!started && detection !== null}>
          {job && detection ? (
            <MappingStep
              detection={detection}
              mapping={state.mapping}
              sourceId={state.sourceId}
              dryRunning={dryRun.isPending}
              error={dryRun.error}
              onMapping={(mapping) => dispatch({ type: "mapping", mapping })}
              onSource={(sourceId) => dispatch({ type: "source", sourceId })}
              onBack={() => goTo("reading")}
              onDryRun={() =>
                dryRun.mutate(
                  { id: job.id, choice: runChoiceOf(state) },
                  {
                    onSuccess: (result) => {
                      dispatch({ type: "dryRun", dryRun: result.dryRun });
                      changed();
                    },
                  },
                )
              }
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={t("imports.steps.dryRun")} allowStepSelect={!started && state.dryRun !== null}>
          {job && state.dryRun ? (
            <DryRunStep
              dryRun={state.dryRun}
              starting={run.isPending}
              error={run.error}
              onBack={() => goTo("mapping")}
              onRun={() => run.mutate({ id: job.id, choice: runChoiceOf(state) }, { onSuccess: ({ import: runJob }) => dispatch({ type: "follow", id: runJob.id }) })}
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={t("imports.steps.run")} allowStepSelect={false}>
          {state.runId !== null ? (
            <RunStep
              key={state.runId}
              id={state.runId}
              onAnother={() => {
                run.reset();
                dispatch({ type: "reset" });
              }}
            />
          ) : null}
        </Stepper.Step>
      </Stepper>
    </Paper>
  );
}
