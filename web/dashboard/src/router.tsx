import { createBrowserRouter } from 'react-router-dom';
import { InvitePage } from './auth/InvitePage.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { AlertsPage } from './alerts/AlertsPage.tsx';
import { ApiKeysPage } from './api-keys/ApiKeysPage.tsx';
import { DirectoryPage } from './directory/DirectoryPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { ImportsPage } from './imports/ImportsPage.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { ListeningPostsPage } from './listening-posts/ListeningPostsPage.tsx';
import { MembersPage } from './members/MembersPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { SurveysPage } from './surveys/SurveysPage.tsx';
import { ThemePage } from './themes/ThemePage.tsx';
import { ThemesPage } from './themes/ThemesPage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { RequireAuth } from './shell/RequireAuth.tsx';
import { RootRedirect } from './shell/RootRedirect.tsx';
import { WorkspaceLayout } from './shell/WorkspaceLayout.tsx';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/setup', element: <SetupPage /> },
  { path: '/invite', element: <InvitePage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/', element: <RootRedirect /> },
      {
        path: '/w/:workspaceId',
        element: <WorkspaceLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'themes', element: <ThemesPage /> },
          { path: 'themes/:themeId', element: <ThemePage /> },
          { path: 'alerts', element: <AlertsPage /> },
          { path: 'listening-posts', element: <ListeningPostsPage /> },
          { path: 'surveys', element: <SurveysPage /> },
          { path: 'imports', element: <ImportsPage /> },
          { path: 'directory', element: <DirectoryPage /> },
          { path: 'members', element: <MembersPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
          { path: 'settings', element: <SettingsPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
