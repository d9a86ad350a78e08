import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Alert, Anchor, List, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { errorMessage, existingCompany, fieldLabel, fieldProblems } from "../api/errors";

/**
 * An API error in the user's language: the message by code, the fields it names, and for a
 * duplicate a link to the company that already holds the tax id or phone.
 */
export function ErrorAlert({ error, withFields = true }: { error: unknown; withFields?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = withFields ? fieldProblems(t, error).filter((p) => p.short) : [];
  const existing = existingCompany(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={errorMessage(t, error)} data-testid="error-alert">
      {problems.length > 0 ? (
        <List size="sm" spacing={2}>
          {problems.map((p, i) => (
            <List.Item key={`${p.field}-${i}`}>
              <Text span fw={500} size="sm">
                {fieldLabel(t, p.field)}:
              </Text>{" "}
              {p.short}
            </List.Item>
          ))}
        </List>
      ) : null}
      {existing ? (
        <Text size="sm">
          {t("errors.existingCompany")}{" "}
          <Anchor component={Link} to={`/companies/${existing.id}`} fw={600} data-testid="existing-company-link">
            {existing.legalName}
          </Anchor>
        </Text>
      ) : null}
    </Alert>
  );
}
