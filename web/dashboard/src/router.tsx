import { createBrowserRouter } from 'react-router-dom';
import { EmailPage } from './consent/EmailPage.tsx';
import { InvitePage } from './auth/InvitePage.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { AlertsPage } from './alerts/AlertsPage.tsx';
import { CaseRulesPage } from './case-rules/CaseRulesPage.tsx';
import { ApiKeysPage } from './api-keys/ApiKeysPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { ImportsPage } from './imports/ImportsPage.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { ListeningPostsPage } from './listening-posts/ListeningPostsPage.tsx';
import { MembersPage } from './members/MembersPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { SurveysPage } from './surveys/SurveysPage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { RequireAuth } from './shell/RequireAuth.tsx';
import { RootRedirect } from './shell/RootRedirect.tsx';
import { WorkspaceLayout } from './shell/WorkspaceLayout.tsx';
import { Loading } from '../../ui/Spinner.tsx';

/**
 * Themes and the directory load on first visit, in chunks of their own, so the entry bundle
 * stays small for the pages every session opens.
 */
const lazyThemes = async () => ({
  Component: (await import('./themes/ThemesPage.tsx')).ThemesPage,
});
const lazyTheme = async () => ({ Component: (await import('./themes/ThemePage.tsx')).ThemePage });
const lazyKudos = async () => ({
  Component: (await import('./kudos/KudosPage.tsx')).KudosPage,
});
const lazyLoopMetrics = async () => ({
  Component: (await import('./loop-metrics/LoopMetricsPage.tsx')).LoopMetricsPage,
});
const lazyCases = async () => ({
  Component: (await import('./cases/CasesPage.tsx')).CasesPage,
});
const lazyCase = async () => ({ Component: (await import('./cases/CasePage.tsx')).CasePage });
const lazyActions = async () => ({
  Component: (await import('./cases/ActionsPage.tsx')).ActionsPage,
});
const lazyDirectory = async () => ({
  Component: (await import('./directory/DirectoryPage.tsx')).DirectoryPage,
});

const lazySnippets = async () => ({
  Component: (await import('./cases/composer/SnippetsPage.tsx')).SnippetsPage,
});

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/setup', element: <SetupPage /> },
  { path: '/invite', element: <InvitePage /> },
  {
    element: <RequireAuth />,
    // Shown while a page loaded on demand arrives on a first visit straight to it.
    hydrateFallbackElement: <Loading />,
    children: [
      { path: '/', element: <RootRedirect /> },
      {
        path: '/w/:workspaceId',
        element: <WorkspaceLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'themes', lazy: lazyThemes },
          { path: 'themes/:themeId', lazy: lazyTheme },
          { path: 'alerts', element: <AlertsPage /> },
          { path: 'cases', lazy: lazyCases },
          { path: 'cases/:caseId', lazy: lazyCase },
          { path: 'actions', lazy: lazyActions },
          { path: 'case-rules', element: <CaseRulesPage /> },
          { path: 'listening-posts', element: <ListeningPostsPage /> },
          { path: 'surveys', element: <SurveysPage /> },
          { path: 'imports', element: <ImportsPage /> },
          { path: 'directory', lazy: lazyDirectory },
          { path: 'kudos', lazy: lazyKudos },
          { path: 'loop-metrics', lazy: lazyLoopMetrics },
          { path: 'members', element: <MembersPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'reply-snippets', lazy: lazySnippets },
          { path: 'email', element: <EmailPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
