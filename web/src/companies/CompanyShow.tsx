import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { Anchor, Center, Grid, Group, Loader, Stack } from "@mantine/core";
import { IconChevronLeft } from "@tabler/icons-react";
import { AccountSection } from "../accounts/AccountSection";
import { ApiError } from "../api/client";
import { browsesWholeBase, mayAcceptCustomer, mayAssignHolder, mayHandOff, mayResolvePromises, mayWorkDeal, mayWorkOnCompany } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { DealPanel } from "../deals/DealPanel";
import { AcceptBanner } from "../handovers/AcceptBanner";
import { PromiseList } from "../handovers/PromiseList";
import { Forbidden, NotFound } from "../layout/StatePage";
import { AssignHolderDialog } from "./AssignHolderDialog";
import { CompanyCard } from "./CompanyCard";
import { CompanyEdit } from "./CompanyEdit";
import { ContactList } from "./ContactList";
import { HandOffDialog } from "./HandOffDialog";
import { HoldingHistory } from "./HoldingHistory";
import { LogActivityForm } from "./LogActivityForm";
import { useCompanyCard } from "./queries";
import { Timeline } from "./Timeline";

type Dialog = "edit" | "handOff" | "assign" | null;

export function CompanyShow() {
  const { t } = useTranslation();
  const user = useUser();
  const id = Number(useParams().id);
  const card = useCompanyCard(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const logRef = useRef<HTMLDivElement>(null);

  if (!Number.isInteger(id) || id < 1) return <NotFound />;
  if (card.isPending) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (card.error) {
    if (card.error instanceof ApiError && card.error.status === 403) return <Forbidden />;
    if (card.error instanceof ApiError && card.error.status === 404) return <NotFound />;
    return <ErrorAlert error={card.error} />;
  }

  const { company, contacts, holdings } = card.data;
  const canWork = mayWorkOnCompany(user, company);
  const withDeals = company.stage === "lead" || company.stage === "customer";
  // Promises are read by the head, the manager who made them and the account manager who keeps them.
  const withPromises = company.stage === "customer" && ["admin", "head", "manager", "account_manager"].includes(user.role);
  const focusLog = () => {
    logRef.current?.scrollIntoView({ behavior: "smooth", block: "center" });
    logRef.current?.querySelector("textarea")?.focus();
  };

  return (
    <Stack gap="md" maw={1400}>
      <Group>
        <Anchor component={Link} to="/companies" size="sm" c="dimmed" data-testid="back-to-list">
          <Group gap={4}>
            <IconChevronLeft size={14} />
            {browsesWholeBase(user) ? t("nav.companies") : t("nav.myCompanies")}
          </Group>
        </Anchor>
      </Group>
      <CompanyCard
        company={company}
        actions={{
          onEdit: canWork ? () => setDialog("edit") : undefined,
          onLogActivity: canWork ? focusLog : undefined,
          onHandOff: mayHandOff(user, company) ? () => setDialog("handOff") : undefined,
          onAssignHolder: mayAssignHolder(user, company) ? () => setDialog("assign") : undefined,
        }}
      />
      {mayAcceptCustomer(user, company) ? <AcceptBanner company={company} /> : null}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            <ContactList companyId={company.id} contacts={contacts} canEdit={canWork} />
            <HoldingHistory holdings={holdings} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="md">
            <AccountSection company={company} />
            {withPromises ? <PromiseList companyId={company.id} canResolve={mayResolvePromises(user, company)} /> : null}
            {withDeals ? <DealPanel company={company} canWork={mayWorkDeal(user, company)} /> : null}
            {canWork ? (
              <div ref={logRef}>
                <LogActivityForm companyId={company.id} stage={company.stage} />
              </div>
            ) : null}
            <Timeline companyId={company.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog === "edit" ? <CompanyEdit company={company} opened onClose={() => setDialog(null)} /> : null}
      <HandOffDialog company={company} opened={dialog === "handOff"} onClose={() => setDialog(null)} />
      <AssignHolderDialog company={company} opened={dialog === "assign"} onClose={() => setDialog(null)} />
    </Stack>
  );
}
