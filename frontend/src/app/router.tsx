import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { MyWork } from '@/features/home/components/my-work';
import { RequireAuth } from '@/shared/auth/require-auth';
import { RequirePermission } from '@/shared/auth/require-permission';
import { AppShell } from './app-shell';
import { ConsultationRoute } from './routes/consultation';
import { ConsultationNewRoute } from './routes/consultation-new';
import { ConsultationsRoute } from './routes/consultations';
import { LoginRoute } from './routes/login';
import { ReportRoute } from './routes/report';
import { ReportStatusRoute } from './routes/report-status';
import { TriageRoute } from './routes/triage';

// Features loaded when first opened: the public report pages and the desk's everyday screens
// stay small on a phone; cases, meetings and statistics come in their own chunks.
const cases = () => import('@/features/cases/components/case-routes');
const agencies = () => import('@/features/agencies/components/agency-routes');
const meetings = () => import('@/features/meetings/components/meeting-routes');
const bodies = () => import('@/features/meeting-bodies/components/body-routes');

/** A route whose component is loaded on first visit (react-router's `lazy`). */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return { lazy: async () => ({ Component: pick(await load()) }) };
}

const CasePrintRoute = lazy(() => cases().then((m) => ({ default: m.CasePrintRoute })));
const MeetingPrintRoute = lazy(() => meetings().then((m) => ({ default: m.MeetingPrintRoute })));

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

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
        <Later>
          <CasePrintRoute />
        </Later>
      </RequireAuth>
    ),
  },
  // The 会議録 for A4, likewise outside the shell.
  {
    path: '/meetings/:meetingId/minutes/print',
    element: (
      <RequireAuth>
        <Later>
          <MeetingPrintRoute />
        </Later>
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
      // Screens some roles cannot use show a polite page instead of the services' 403.
      {
        element: <RequirePermission permission="consultations" />,
        children: [
          { path: 'consultations', element: <ConsultationsRoute /> },
          { path: 'consultations/new', element: <ConsultationNewRoute /> },
          { path: 'consultations/:consultationId', element: <ConsultationRoute /> },
        ],
      },
      { element: <RequirePermission permission="triage" />, children: [{ path: 'triage', element: <TriageRoute /> }] },
      { path: 'cases', ...page(cases, (m) => m.CasesRoute) },
      {
        element: <RequirePermission permission="openCase" />,
        children: [{ path: 'cases/new', ...page(cases, (m) => m.CaseNewRoute) }],
      },
      { path: 'cases/:caseId', ...page(cases, (m) => m.CaseRoute) },
      { path: 'agencies', ...page(agencies, (m) => m.AgenciesRoute) },
      { path: 'agencies/:agencyId', ...page(agencies, (m) => m.AgencyRoute) },
      {
        element: <RequirePermission permission="activities" />,
        children: [
          {
            path: 'activities',
            ...page(() => import('@/features/activities/components/activity-log'), (m) => m.ActivityLog),
          },
        ],
      },
      {
        element: <RequirePermission permission="statistics" />,
        children: [
          {
            path: 'statistics',
            ...page(() => import('@/features/statistics/components/statistics-page'), (m) => m.StatisticsPage),
          },
        ],
      },
      {
        element: <RequirePermission permission="supervision" />,
        children: [
          {
            path: 'supervision',
            ...page(() => import('@/features/supervision/components/supervision-home'), (m) => m.SupervisionHome),
          },
        ],
      },
      {
        element: <RequirePermission permission="admin" />,
        children: [
          {
            path: 'admin/sessions',
            ...page(() => import('@/features/admin/components/sessions-page'), (m) => m.SessionsPage),
          },
          {
            path: 'admin/audit',
            ...page(() => import('@/features/admin/components/audit-chain-page'), (m) => m.AuditChainPage),
          },
          {
            path: 'admin/users',
            ...page(() => import('@/features/admin/components/users-page'), (m) => m.UsersPage),
          },
          {
            path: 'admin/areas',
            ...page(() => import('@/features/admin/components/areas-page'), (m) => m.AreasPage),
          },
        ],
      },
      { path: 'meetings', ...page(meetings, (m) => m.MeetingsRoute) },
      { path: 'meetings/:meetingId', ...page(meetings, (m) => m.MeetingRoute) },
      { path: 'meeting-bodies', ...page(bodies, (m) => m.BodiesRoute) },
      {
        element: <RequirePermission permission="manageBodies" />,
        children: [{ path: 'meeting-bodies/new', ...page(bodies, (m) => m.BodyNewRoute) }],
      },
      { path: 'meeting-bodies/:bodyId', ...page(bodies, (m) => m.BodyRoute) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
