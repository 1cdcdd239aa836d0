import { Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { start } from './api/session';
import { useSession } from './auth/useSession';
import { Layout } from './components/Layout';
import { useLanguage } from './components/LanguageSwitch';
import { Loading } from './components/States';
import { setDraftOwner } from './lib/drafts';
import { Login } from './pages/Login';
import { Dashboard } from './pages/Dashboard';
import { NotFound } from './pages/NotFound';
import { t } from './i18n';
// The screens after the first one load on demand (src/areas), so the first screen stays small.
import { routes } from './areas';

export function App() {
  const session = useSession();
  useEffect(() => {
    void start();
  }, []);
  useEffect(() => {
    if (session.status === 'authenticated') setDraftOwner(session.user?.id ?? null);
  }, [session.status, session.user?.id]);

  if (session.status === 'starting') {
    return (
      <div className="jt-login">
        <Loading label={t('app.starting')} />
      </div>
    );
  }
  if (session.status !== 'authenticated') {
    // The route stays as it is: after logging in, the user is back where they were, and the
    // forms pick up their unsaved input (lib/drafts).
    return <Login reason={session.status === 'expired' ? 'expired' : session.user ? 'loggedOut' : undefined} />;
  }
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Dashboard />} />
          {routes.map(({ path, Component }) => (
            <Route key={path} path={path} element={<Component />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

export function Root() {
  // A change of language re-renders everything (the texts come from t() while rendering); the
  // screens keep their state.
  useLanguage();
  return (
    <BrowserRouter>
      <App />
    </BrowserRouter>
  );
}
