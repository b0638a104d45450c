import '@uswds/uswds/css/uswds.min.css';
import './console.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createConsoleRouter } from './layout/router';
import { CALLBACK_PATH } from './session/oidc-flow';
import { SessionProvider, SignInActions } from './session/session';
import { SignInCallback } from './session/sign-in-callback';
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

/** Signed out, every path shows the sign-in page, except the identity providers' way back (decided once, as the page opens). */
function SignedOut({ actions }: { actions: SignInActions }) {
  const [atCallback] = useState(() => window.location.pathname === CALLBACK_PATH);
  return atCallback ? <SignInCallback actions={actions} /> : <SignInPage actions={actions} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider signInPage={(actions) => <SignedOut actions={actions} />}>{() => <Console />}</SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
