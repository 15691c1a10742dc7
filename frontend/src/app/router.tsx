import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { RequireAuth } from '@/shared/auth/require-auth';
import { AppShell } from './app-shell';
import { ConsultationNewRoute } from './routes/consultation-new';
import { ConsultationsRoute } from './routes/consultations';
import { LoginRoute } from './routes/login';

const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/consultations" replace /> },
      { path: 'consultations', element: <ConsultationsRoute /> },
      { path: 'consultations/new', element: <ConsultationNewRoute /> },
      { path: '*', element: <Navigate to="/consultations" replace /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
