import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { createClient, storedToken, storeToken } from './client.js';
import { type Viewer, ViewerQuery } from './features/auth/viewer.js';
import { Header } from './features/auth/Header.js';
import { OverviewPage } from './pages/OverviewPage.js';
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
      <main className="assay-main">
        <OverviewPage viewer={data.me} />
      </main>
    </>
  );
}
