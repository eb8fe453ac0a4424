import { Component, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { createClient, storedToken, storeToken } from './client.js';
import { type Viewer, ViewerQuery } from './features/auth/viewer.js';
import { Header } from './features/auth/Header.js';
import { SessionTokenContext } from './features/auth/session.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { Link, matchPath, Router, usePath } from './router.js';
import { ROUTES } from './routes.js';

/** Holds the session token and gives every page a client bound to it. */
export function App() {
  const [token, setToken] = useState<string | null>(() => storedToken());
  const client = useMemo(() => createClient(token), [token]);
  const changeToken = useCallback((next: string | null) => {
    storeToken(next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => changeToken(null), [changeToken]);
  return (
    <Provider value={client}>
      <SessionTokenContext.Provider value={token}>
        {token ? <SignedIn onSignedOut={signOut} /> : <SignInPage onSignedIn={changeToken} />}
      </SessionTokenContext.Provider>
    </Provider>
  );
}

function SignedIn({ onSignedOut }: { onSignedOut: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery });
  // An expired or revoked session answers null: back to the sign-in form.
  const sessionEnded = data !== undefined && data.me === null;
  useEffect(() => {
    if (sessionEnded) onSignedOut();
  }, [sessionEnded, onSignedOut]);
  if (fetching) return <p className="assay-status" role="status">Loading your organisation…</p>;
  if (error) {
    return (
      <div className="assay-status" role="alert">
        <p>Assay could not reach the API: {error.message}</p>
        <button type="button" onClick={onSignedOut}>Sign in again</button>
      </div>
    );
  }
  if (!data?.me) return null;
  return (
    <Router>
      <Header viewer={data.me} onSignedOut={onSignedOut} />
      <Navigation />
      <main className="assay-main">
        <CurrentPage viewer={data.me} />
      </main>
    </Router>
  );
}

/** The page of the current address, loaded on demand, or the not-found page. */
function CurrentPage({ viewer }: { viewer: Viewer }) {
  const path = usePath();
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params === null) continue;
    const Page = route.page;
    return (
      // Keyed by address, so a failed page does not stay failed on the next one.
      <PageErrorBoundary key={path}>
        <Suspense fallback={<p className="assay-status" role="status">Loading the page…</p>}>
          <Page viewer={viewer} params={params} />
        </Suspense>
      </PageErrorBoundary>
    );
  }
  return <NotFoundPage path={path} />;
}

/** Shows why a page could not be shown (most often: its code could not be downloaded). */
class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="assay-status" role="alert">
        <p>This page could not be shown: {this.state.error.message}</p>
        <button type="button" className="assay-button" onClick={() => window.location.reload()}>Reload</button>
      </div>
    );
  }
}

/** The link of the current page: the navigation entry with the longest path that starts the address. */
function currentNavPath(path: string): string | undefined {
  const within = (navPath: string) => navPath === '/' ? path === '/' : path === navPath || path.startsWith(`${navPath}/`);
  return ROUTES.filter((route) => route.nav !== undefined && within(route.path)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

function Navigation() {
  const current = currentNavPath(usePath());
  return (
    <nav className="assay-nav" aria-label="Pages">
      <ul>
        {ROUTES.filter((route) => route.nav !== undefined).map((route) => (
          <li key={route.path}>
            <Link to={route.path} aria-current={route.path === current ? 'page' : undefined}>
              {route.nav}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
