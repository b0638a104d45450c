import '@uswds/uswds/css/uswds.min.css';
import './console.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createConsoleRouter } from './layout/router';
import { SessionProvider } from './session/session';
import { SignInPage } from './session/sign-in-page';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 1000, retry: (count, error) => count < 2 && !('status' in error && Number(error.status) < 500), refetchOnWindowFocus: true },
  },
});

function Console() {
  const router = useMemo(createConsoleRouter, []);
  return <RouterProvider router={router} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider signInPage={(signIn) => <SignInPage signIn={signIn} />}>{() => <Console />}</SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
