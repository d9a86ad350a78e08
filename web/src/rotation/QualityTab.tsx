import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ActionIcon, Anchor, Badge, Paper, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconScale } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { formatDate } from "../i18n/format";
import { useQuality } from "./queries";

/** Per salesperson: clients taken away (rotated or archived) and how many somebody else then sold to — who gave up too early. */
export function QualityTab() {
  const { t } = useTranslation();
  const quality = useQuality();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const items = quality.data?.items ?? [];
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("rotation.quality.explain", { days: quality.data?.windowDays ?? "…" })}
      </Text>
      <ErrorAlert error={quality.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" data-testid="quality-table">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t("rotation.quality.salesperson")}</Table.Th>
              <Table.Th ta="right">{t("rotation.quality.lost")}</Table.Th>
              <Table.Th ta="right">{t("rotation.quality.soldLater")}</Table.Th>
              <Table.Th ta="right">{t("rotation.quality.share")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((line) => {
              const expanded = open.has(line.holder.id);
              const share = line.lost ? Math.round((line.soldLater / line.lost) * 100) : 0;
              return (
                <Fragment key={line.holder.id}>
                  <Table.Tr data-testid={`quality-row-${line.holder.id}`}>
                    <Table.Td>
                      {line.cases.length ? (
                        <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => toggle(line.holder.id)} aria-label={t("rotation.quality.cases")} data-testid="quality-expand">
                          {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                        </ActionIcon>
                      ) : null}
                    </Table.Td>
                    <Table.Td fw={500}>{line.holder.fullName}</Table.Td>
                    <Table.Td ta="right" data-testid="quality-lost">
                      {line.lost}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="quality-sold-later">
                      {line.soldLater > 0 ? (
                        <Badge color="red" variant="light" radius="sm">
                          {line.soldLater}
                        </Badge>
                      ) : (
                        0
                      )}
                    </Table.Td>
                    <Table.Td ta="right" c={share >= 30 ? "red.7" : undefined}>
                      {share}%
                    </Table.Td>
                  </Table.Tr>
                  {expanded
                    ? line.cases.map((c) => (
                        <Table.Tr key={`${line.holder.id}-${c.company.id}-${c.lostAt}`} bg="var(--mantine-color-gray-0)" data-testid="quality-case">
                          <Table.Td />
                          <Table.Td colSpan={4}>
                            <Text size="sm">
                              <Anchor component={Link} to={`/companies/${c.company.id}`} size="sm" fw={600}>
                                {c.company.legalName}
                              </Anchor>{" "}
                              ·{" "}
                              {t(`rotation.quality.how.${c.how}`, { date: formatDate(c.lostAt) })} ·{" "}
                              {t("rotation.quality.soldBy", { name: c.seller.fullName, date: formatDate(c.soldAt) })}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))
                    : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
        <ListState pending={quality.isPending} empty={items.length === 0 && !quality.error} testId="quality-empty" icon={<IconScale size={22} />} title={t("rotation.quality.emptyTitle")} />
      </Paper>
    </Stack>
  );
}
