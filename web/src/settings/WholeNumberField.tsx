import type { ReactNode } from "react";
import { NumberInput } from "@mantine/core";

/** A team rule that is a whole number within the server's bounds; a cleared field falls back to the minimum. */
export function WholeNumberField(props: {
  label: string;
  description: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  error?: ReactNode;
  testId: string;
}) {
  const { label, description, value, min, max, onChange, error, testId } = props;
  return (
    <NumberInput
      label={label}
      description={description}
      value={value}
      min={min}
      max={max}
      clampBehavior="strict"
      allowDecimal={false}
      allowNegative={false}
      onChange={(v) => onChange(typeof v === "number" ? v : Number(v) || min)}
      error={error}
      data-testid={testId}
    />
  );
}
