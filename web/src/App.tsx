import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from "react-router-dom";
import { Center, Loader } from "@mantine/core";
import { SignInPage } from "./auth/SignInPage";
import { homePath } from "./auth/permissions";
import { useSession, useUser } from "./auth/session";
import { CallingPage } from "./calling/CallingPage";
import { CallListsPage } from "./callLists/CallListsPage";
import { InstructionsPage } from "./instructions/InstructionsPage";
import { CallerResultsPage } from "./results/CallerResultsPage";
import { ScriptsPage } from "./scripts/ScriptsPage";
import { CompanyList } from "./companies/CompanyList";
import { CompanyShow } from "./companies/CompanyShow";
import { AppLayout } from "./layout/AppLayout";
import { NotFound } from "./layout/StatePage";
import { TeamPage } from "./team/TeamPage";
import { ConversionPage } from "./conversion/ConversionPage";
import { HandOversPage } from "./handovers/HandOversPage";
import { ProductsPage } from "./products/ProductsPage";
import { QueuePage } from "./queue/QueuePage";
import { TeamRulesPage } from "./settings/TeamRulesPage";
import { AccountsPage } from "./accounts/AccountsPage";
import { InvoicesPage } from "./billing/InvoicesPage";
import { TouchesPage } from "./touches/TouchesPage";
import { RotationPage } from "./rotation/RotationPage";
import { WeeklyReportsPage } from "./rotation/WeeklyReportsPage";
import { MyReportPage } from "./rotation/MyReportPage";
import { SourcesPage } from "./sources/SourcesPage";
import { CommissionsPage } from "./commissions/CommissionsPage";
import { DashboardPage } from "./dashboard/DashboardPage";
import { ExportLogPage } from "./exports/ExportLogPage";
import { ImportsPage } from "./imports/ImportsPage";

/** Everything but sign-in needs a session; without one, sign in and come back here. */
function RequireSignIn() {
  const { user, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) {
    return (
      <Center h="100vh" aria-label={t("common.loading")}>
        <Loader />
      </Center>
    );
  }
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Each role starts where its work is: callers at the calling screen, managers at today's queue, account managers at new customers, everyone else at companies. */
function Home() {
  return <Navigate to={homePath(useUser())} replace />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route element={<RequireSignIn />}>
          <Route element={<AppLayout />}>
            <Route index element={<Home />} />
            <Route path="companies" element={<CompanyList />} />
            <Route path="companies/:id" element={<CompanyShow />} />
            <Route path="calling" element={<CallingPage />} />
            <Route path="call-lists" element={<CallListsPage />} />
            <Route path="scripts" element={<ScriptsPage />} />
            <Route path="instructions" element={<InstructionsPage />} />
            <Route path="results" element={<CallerResultsPage />} />
            <Route path="team" element={<TeamPage />} />
            <Route path="queue" element={<QueuePage />} />
            <Route path="handovers" element={<HandOversPage />} />
            <Route path="conversion" element={<ConversionPage />} />
            <Route path="team-rules" element={<TeamRulesPage />} />
            <Route path="products" element={<ProductsPage />} />
            <Route path="accounts" element={<AccountsPage />} />
            <Route path="invoices" element={<InvoicesPage />} />
            <Route path="touches" element={<TouchesPage />} />
            <Route path="rotation" element={<RotationPage />} />
            <Route path="weekly-reports" element={<WeeklyReportsPage />} />
            <Route path="my-report" element={<MyReportPage />} />
            <Route path="dashboard" element={<DashboardPage />} />
            <Route path="sources" element={<SourcesPage />} />
            <Route path="commissions" element={<CommissionsPage />} />
            <Route path="exports-log" element={<ExportLogPage />} />
            <Route path="imports" element={<ImportsPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
