import { useTranslation } from "react-i18next";
import { Group, Text } from "@mantine/core";
import type { Company } from "../api/types";

/** A tax id with its kind: "12345678 · EDRPOU". */
export function LegalId({ company, size = "sm" }: { company: Pick<Company, "legalId" | "legalIdKind">; size?: "xs" | "sm" | "md" }) {
  const { t } = useTranslation();
  if (!company.legalId) {
    return (
      <Text span size={size} c="gray.5">
        —
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" data-testid="legal-id" style={{ whiteSpace: "nowrap" }}>
      <Text span size={size} ff="monospace">
        {company.legalId}
      </Text>
      {company.legalIdKind ? (
        <Text span size="xs" c="dimmed" fw={500}>
          {t(`legalIdKind.${company.legalIdKind}`)}
        </Text>
      ) : null}
    </Group>
  );
}
