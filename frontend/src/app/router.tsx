import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { ActivityLog } from '@/features/activities/components/activity-log';
import { AgenciesRoute, AgencyRoute } from '@/features/agencies/components/agency-routes';
import {
  CaseNewRoute,
  CasePrintRoute,
  CaseRoute,
  CasesRoute,
} from '@/features/cases/components/case-routes';
import { MyWork } from '@/features/home/components/my-work';
import { BodiesRoute, BodyNewRoute, BodyRoute } from '@/features/meeting-bodies/components/body-routes';
import { MeetingPrintRoute, MeetingRoute, MeetingsRoute } from '@/features/meetings/components/meeting-routes';
import { StatisticsPage } from '@/features/statistics/components/statistics-page';
import { SupervisionHome } from '@/features/supervision/components/supervision-home';
import { RequireAuth } from '@/shared/auth/require-auth';
import { AppShell } from './app-shell';
import { ConsultationRoute } from './routes/consultation';
import { ConsultationNewRoute } from './routes/consultation-new';
import { ConsultationsRoute } from './routes/consultations';
import { LoginRoute } from './routes/login';
import { ReportRoute } from './routes/report';
import { ReportStatusRoute } from './routes/report-status';
import { TriageRoute } from './routes/triage';

const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute /> },
  // The public report pages: no login, outside the staff shell.
  { path: '/report', element: <ReportRoute /> },
  { path: '/report/status', element: <ReportStatusRoute /> },
  // The case summary for A4: signed in, but without the shell's header and navigation.
  {
    path: '/cases/:caseId/print',
    element: (
      <RequireAuth>
        <CasePrintRoute />
      </RequireAuth>
    ),
  },
  // The 会議録 for A4, likewise outside the shell.
  {
    path: '/meetings/:meetingId/minutes/print',
    element: (
      <RequireAuth>
        <MeetingPrintRoute />
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <MyWork /> },
      { path: 'consultations', element: <ConsultationsRoute /> },
      { path: 'consultations/new', element: <ConsultationNewRoute /> },
      { path: 'consultations/:consultationId', element: <ConsultationRoute /> },
      { path: 'triage', element: <TriageRoute /> },
      { path: 'cases', element: <CasesRoute /> },
      { path: 'cases/new', element: <CaseNewRoute /> },
      { path: 'cases/:caseId', element: <CaseRoute /> },
      { path: 'agencies', element: <AgenciesRoute /> },
      { path: 'agencies/:agencyId', element: <AgencyRoute /> },
      { path: 'activities', element: <ActivityLog /> },
      { path: 'statistics', element: <StatisticsPage /> },
      { path: 'supervision', element: <SupervisionHome /> },
      { path: 'meetings', element: <MeetingsRoute /> },
      { path: 'meetings/:meetingId', element: <MeetingRoute /> },
      { path: 'meeting-bodies', element: <BodiesRoute /> },
      { path: 'meeting-bodies/new', element: <BodyNewRoute /> },
      { path: 'meeting-bodies/:bodyId', element: <BodyRoute /> },
      { path: '*', element: <Navigate to="/consultations" replace /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
