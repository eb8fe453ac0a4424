import { type AnchorHTMLAttributes, createContext, type MouseEvent, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** The values of a pattern's `:name` segments, decoded, e.g. { id: '42' } for /risks/:id. */
export type RouteParams = Readonly<Record<string, string>>;

/**
 * Matches an address against a pattern such as `/risks/:id/edit`: every literal segment must be
 * equal and every `:name` segment takes one non-empty segment. A trailing slash is ignored.
 * Returns the parameters, or null when the address is another page's.
 */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const wanted = segmentsOf(pattern);
  const given = segmentsOf(path);
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (const [position, segment] of wanted.entries()) {
    const actual = given[position] ?? '';
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Where the browser is: the path, the query string (with its "?", or ""), and the history entry's state. */
export interface Location {
  path: string;
  search: string;
  state: unknown;
}

export interface NavigateOptions {
  /** Replaces the current history entry instead of adding one (the back button skips it). */
  replace?: boolean;
  /** Kept with the history entry, and given back when the back or forward button returns to it. */
  state?: unknown;
}

interface Navigation {
  location: Location;
  navigate: (to: string, options?: NavigateOptions) => void;
}

const NavigationContext = createContext<Navigation>({ location: { path: '/', search: '', state: null }, navigate: () => undefined });

function currentLocation(): Location {
  return { path: window.location.pathname, search: window.location.search, state: window.history.state as unknown };
}

/**
 * Keeps the current address in step with the address bar and the back and forward buttons. A
 * change of page scrolls to the top; a change of the query string alone (a filter) does not.
 */
export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const follow = () => setLocation(currentLocation());
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const navigate = useCallback((to: string, { replace = false, state = null }: NavigateOptions = {}) => {
    const samePath = new URL(to, window.location.origin).pathname === window.location.pathname;
    if (replace) window.history.replaceState(state, '', to);
    else if (to !== window.location.pathname + window.location.search || state !== null) window.history.pushState(state, '', to);
    setLocation(currentLocation());
    if (!samePath) window.scrollTo?.(0, 0);
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function usePath(): string {
  return useContext(NavigationContext).location.path;
}

export function useLocation(): Location {
  return useContext(NavigationContext).location;
}

export function useNavigate(): (to: string, options?: NavigateOptions) => void {
  return useContext(NavigationContext).navigate;
}

/** An ordinary link that changes page without a reload; modified clicks open tabs as usual. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a {...rest} href={to} onClick={follow}>
      {children}
    </a>
  );
}
