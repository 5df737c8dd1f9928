import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem';
import { currentSession } from '../api/sessions';
import { ProblemMessage } from '../components/ProblemMessage';
import { OneTimePasswordPage } from '../features/password/OneTimePasswordPage';
import { PeopleFiltersProvider } from '../features/people/filter-state';
import { MfaVerifyPage } from '../features/sign-in/MfaVerifyPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { Layout } from './Layout';
import { gateTitleKeyOf, usePageTitle } from './page-title';
import { queryClient, SESSION_KEY } from '../shared/query-client';
import { Screens } from './Screens';
import { SessionContext } from '../shared/session';

// Its own chunk: the QR encoder it draws with is fetched only by someone setting up a second factor.
const MfaEnrolmentPage = lazy(() => import('../features/sign-in/MfaEnrolmentPage').then((m) => ({ default: m.MfaEnrolmentPage })));

async function sessionOrNull() {
  try {
    return await currentSession();
  } catch (error) {
    if (isApiProblem(error) && error.code === 'unauthenticated') return null;
    throw error;
  }
}

const sessionQuery = { queryKey: SESSION_KEY, queryFn: sessionOrNull, staleTime: Infinity } as const;

/** Asks who is signed in while the language loads: on a slow link that is one round trip saved. */
export function prefetchSession(): void {
  void queryClient.prefetchQuery(sessionQuery);
}

function SessionGate() {
  const { t } = useTranslation();
  const session = useQuery(sessionQuery);
  usePageTitle(gateTitleKeyOf(session.data));
  if (session.isPending) return <p className="page-status" role="status">{t('app.loading')}</p>;
  if (session.isError) {
    return (
      <main className="page-status">
        <ProblemMessage error={session.error} />
        <button type="button" onClick={() => void session.refetch()}>{t('app.retry')}</button>
      </main>
    );
  }
  if (!session.data) return <SignInPage />;
  // The server refuses everything else until the second factor is given (or, where the
  // role requires one, set up).
  if (session.data.mfa.verificationPending) return <MfaVerifyPage />;
  if (session.data.mfa.enrolmentRequired && !session.data.user.mustChangePassword) {
    return (
      <SessionContext.Provider value={session.data}>
        <Suspense fallback={<p className="page-status" role="status">{t('app.loading')}</p>}>
          <MfaEnrolmentPage />
        </Suspense>
      </SessionContext.Provider>
    );
  }
  if (session.data.user.mustChangePassword) {
    // The server refuses everything else until the one-time password is replaced.
    return (
      <SessionContext.Provider value={session.data}>
        <OneTimePasswordPage />
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={session.data}>
      <PeopleFiltersProvider key={session.data.user.id}>
        <Layout>
          <Screens />
        </Layout>
      </PeopleFiltersProvider>
    </SessionContext.Provider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate />
    </QueryClientProvider>
  );
}
