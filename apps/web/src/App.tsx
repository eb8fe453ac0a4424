import { type MouseEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { createClient, storedToken, storeToken } from './client.js';
import { type Viewer, ViewerQuery } from './features/auth/viewer.js';
import { Header } from './features/auth/Header.js';
import { AiSystemPage } from './pages/AiSystemPage.js';
import { AiSystemsPage } from './pages/AiSystemsPage.js';
import { AuditsPage } from './pages/AuditsPage.js';
import { CertificationPage } from './pages/CertificationPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SoaPage } from './pages/SoaPage.js';
import { SignInPage } from './pages/SignInPage.js';

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
      {token ? <SignedIn onSignedOut={signOut} /> : <SignInPage onSignedIn={changeToken} />}
    </Provider>
  );
}

function SignedIn({ onSignedOut }: { onSignedOut: () => void }) {
  const [path, navigate] = usePath();
  const [{ data, fetching, error }] = useQuery<{ me: Viewer | null }>({ query: ViewerQuery });
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
    <>
      <Header viewer={data.me} onSignedOut={onSignedOut} />
      <Navigation path={path} onNavigate={navigate} />
      <main className="assay-main">{pageFor(path, data.me)}</main>
    </>
  );
}

const REVIEW_PATH = '/review';

const PAGES: readonly { path: string; label: string }[] = [
  { path: '/', label: 'Overview' },
  { path: '/ai-systems', label: 'AI systems' },
  { path: '/soa', label: 'Statement of Applicability' },
  { path: '/audits', label: 'Audits' },
  { path: '/certification', label: 'Certification' },
  { path: REVIEW_PATH, label: 'Management review pack' },
];

/** The page an address shows; an unknown address shows the overview. */
function pageFor(path: string, viewer: Viewer) {
  const systemId = /^\/ai-systems\/([^/]+)$/.exec(path)?.[1];
  if (systemId) return <AiSystemPage id={decodeURIComponent(systemId)} />;
  switch (path) {
    case REVIEW_PATH:
      return <ReviewPage viewer={viewer} />;
    case '/ai-systems':
      return <AiSystemsPage />;
    case '/soa':
      return <SoaPage />;
    case '/audits':
      return <AuditsPage />;
    case '/certification':
      return <CertificationPage />;
    default:
      return <OverviewPage viewer={viewer} />;
  }
}

/** The navigation entry a path belongs to: the page whose path it is, or lies under. */
function sectionOf(path: string): string {
  return PAGES.find((page) => page.path !== '/' && (path === page.path || path.startsWith(`${page.path}/`)))?.path ?? '/';
}

/** The page the address names, kept in step with the browser's back and forward buttons. */
function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const follow = () => setPath(window.location.pathname);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const navigate = useCallback((next: string) => {
    if (next !== window.location.pathname) window.history.pushState(null, '', next);
    setPath(next);
  }, []);
  return [path, navigate];
}

function Navigation({ path, onNavigate }: { path: string; onNavigate: (path: string) => void }) {
  const current = sectionOf(path);
  const follow = (event: MouseEvent<HTMLAnchorElement>, to: string) => {
    // Let the browser open a new tab or window as asked.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(to);
  };
  return (
    <nav className="assay-nav" aria-label="Pages">
      <ul>
        {PAGES.map((page) => (
          <li key={page.path}>
            <a href={page.path} aria-current={page.path === current ? 'page' : undefined} onClick={(event) => follow(event, page.path)}>
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
