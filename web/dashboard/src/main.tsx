import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { isApiError, onUnauthorized } from './api.ts';
import { router } from './router.tsx';
import { meQuery } from './session.ts';
import '../../ui/ui.css';
import './layout.css';
import './pages.css';
import './inbox/inbox.css';
import './feedback/analysis.css';
import './themes/themes.css';
import './kudos/kudos.css';
import './listening-posts/listening-posts.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors will not fix themselves; network trouble and 5xx might.
      retry: (failures, error) =>
        failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

// A 401 anywhere means the session ended: reloading "me" lets RequireAuth send the user to
// sign-in, with a link back to where they were.
onUnauthorized(() => void queryClient.resetQueries({ queryKey: meQuery.queryKey }));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
