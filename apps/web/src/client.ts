import { Client, cacheExchange, fetchExchange } from 'urql';

const TOKEN_KEY = 'assay.session';

/** The session token kept between page loads, or null when signed out. */
export function storedToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage may be disabled (private mode); the session then lasts for this page only.
  }
}

/**
 * One urql client per session: signing in or out builds a new one, so no cached data of one
 * session is shown in another. Queries go by POST (the API refuses GET queries as a CSRF guard).
 */
export function createClient(token: string | null): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
