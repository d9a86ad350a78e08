import { useTranslation } from "react-i18next";
import { NavLink as RouterNavLink, Outlet, useLocation } from "react-router-dom";
import { AppShell, Avatar, Burger, Group, Menu, NavLink, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFileExport, IconFileImport, IconAdjustmentsHorizontal, IconLayoutDashboard, IconTargetArrow, IconCoin, IconBook2, IconClipboardList, IconRotateClockwise2, IconBuildingSkyscraper, IconCalendarCheck, IconReceipt, IconUserStar, IconChartBar, IconChevronDown, IconChartFunnel, IconInbox, IconListCheck, IconLogout, IconPackage, IconPhoneCall, IconScript, IconSunrise, IconUsersGroup } from "@tabler/icons-react";
import { managesImports, readsExportLog, seesDashboard, managesSources, seesCommissions, seesEveryonesCommission, acceptsCustomers, browsesWholeBase, decidesRotation, keepsInTouch, readsWeeklyReports, writesWeeklyReport, seesInvoices, worksAccounts, managesCallLists, managesProducts, managesTeamRules, mayManageUsers, steersConveyor, watchesConversion, worksCallLists, worksLeadQueue } from "../auth/permissions";
import { useSession, useUser } from "../auth/session";
import { AlertBell } from "../alerts/AlertBell";
import { InboundCalls } from "../inbound/InboundCalls";
import { SimulateCallButton } from "../inbound/SimulateCallButton";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();

  const caller = worksCallLists(user);
  const head = managesCallLists(user);
  const links = [
    { to: "/dashboard", label: t("nav.dashboard"), icon: IconLayoutDashboard, testId: "nav-dashboard", show: seesDashboard(user) },
    { to: "/calling", label: t("nav.calling"), icon: IconPhoneCall, testId: "nav-calling", show: caller },
    { to: "/queue", label: t("nav.queue"), icon: IconSunrise, testId: "nav-queue", show: worksLeadQueue(user) },
    { to: "/accounts", label: user.role === "account_manager" ? t("nav.myCustomers") : t("nav.customers"), icon: IconUserStar, testId: "nav-accounts", show: worksAccounts(user) },
    { to: "/handovers", label: t("nav.handovers"), icon: IconInbox, testId: "nav-handovers", show: acceptsCustomers(user) },
    { to: "/touches", label: t("nav.touches"), icon: IconCalendarCheck, testId: "nav-touches", show: keepsInTouch(user) },
    { to: "/my-report", label: t("nav.myReport"), icon: IconClipboardList, testId: "nav-my-report", show: writesWeeklyReport(user) },
    { to: "/invoices", label: t("nav.invoices"), icon: IconReceipt, testId: "nav-invoices", show: seesInvoices(user) },
    {
      to: "/companies",
      label: browsesWholeBase(user) ? t("nav.companies") : t("nav.myCompanies"),
      icon: IconBuildingSkyscraper,
      testId: "nav-companies",
      // A caller sees only what they hold (a head may give them a company by hand; held
      // companies never come up on a call list) — never the base.
      show: true,
    },
    { to: "/call-lists", label: t("nav.callLists"), icon: IconListCheck, testId: "nav-call-lists", show: head },
    { to: "/scripts", label: t("nav.scripts"), icon: IconScript, testId: "nav-scripts", show: head },
    { to: "/instructions", label: t("nav.instructions"), icon: IconBook2, testId: "nav-instructions", show: head },
    { to: "/results", label: t("nav.results"), icon: IconChartBar, testId: "nav-results", show: head },
    { to: "/conversion", label: t("nav.conversion"), icon: IconChartFunnel, testId: "nav-conversion", show: watchesConversion(user) },
    { to: "/sources", label: t("nav.sources"), icon: IconTargetArrow, testId: "nav-sources", show: managesSources(user) },
    { to: "/imports", label: t("imports.nav"), icon: IconFileImport, testId: "nav-imports", show: managesImports(user) },
    { to: "/commissions", label: seesEveryonesCommission(user) ? t("nav.commissions") : t("nav.myCommission"), icon: IconCoin, testId: "nav-commissions", show: seesCommissions(user) },
    { to: "/rotation", label: t("nav.rotation"), icon: IconRotateClockwise2, testId: "nav-rotation", show: decidesRotation(user) },
    { to: "/weekly-reports", label: t("nav.weeklyReports"), icon: IconClipboardList, testId: "nav-weekly-reports", show: readsWeeklyReports(user) },
    { to: "/handovers", label: t("nav.handovers"), icon: IconInbox, testId: "nav-handovers-head", show: head },
    { to: "/products", label: t("nav.products"), icon: IconPackage, testId: "nav-products", show: managesProducts(user) },
    { to: "/team", label: t("nav.team"), icon: IconUsersGroup, testId: "nav-team", show: mayManageUsers(user) },
    { to: "/team-rules", label: t("nav.teamRules"), icon: IconAdjustmentsHorizontal, testId: "nav-team-rules", show: managesTeamRules(user) },
    { to: "/exports-log", label: t("exports.nav"), icon: IconFileExport, testId: "nav-exports-log", show: readsExportLog(user) },
  ].filter((link) => link.show);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 224, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} />
            <Logo withName />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {steersConveyor(user) ? <SimulateCallButton /> : null}
            <AlertBell />
            <LanguageSwitch />
            <Menu position="bottom-end" shadow="md" width={220}>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu" px={6} py={4} style={{ borderRadius: "var(--mantine-radius-sm)" }}>
                  <Group gap={8} wrap="nowrap">
                    <Avatar size={28} radius="xl" color="blue" variant="light">
                      {initials(user.fullName)}
                    </Avatar>
                    <Stack gap={0} visibleFrom="xs">
                      <Text size="sm" fw={500} lh={1.2}>
                        {user.fullName}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {t(`role.${user.role}`)}
                      </Text>
                    </Stack>
                    <IconChevronDown size={14} color="var(--mantine-color-dimmed)" />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.username}</Menu.Label>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()} data-testid="sign-out">
                  {t("auth.signOut")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {links.map((link) => (
            <NavLink
              key={link.to}
              component={RouterNavLink}
              to={link.to}
              label={link.label}
              leftSection={<link.icon size={18} stroke={1.6} />}
              active={location.pathname === link.to || location.pathname.startsWith(`${link.to}/`)}
              onClick={close}
              data-testid={link.testId}
              style={{ borderRadius: "var(--mantine-radius-sm)" }}
              fw={500}
            />
          ))}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
      {/* A call routed to this user pops up on any screen; keyed so another user never sees the last one's calls. */}
      <InboundCalls key={user.id} />
    </AppShell>
  );
}
