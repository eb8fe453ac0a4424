import { type AnchorHTMLAttributes, createContext, type MouseEvent, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

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

interface Navigation {
  path: string;
  navigate: (to: string) => void;
}

const NavigationContext = createContext<Navigation>({ path: '/', navigate: () => undefined });

/** Keeps the current path in step with the address bar and the back and forward buttons. */
export function Router({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const follow = () => setPath(window.location.pathname);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const navigate = useCallback((to: string) => {
    if (to !== window.location.pathname + window.location.search) window.history.pushState(null, '', to);
    setPath(new URL(to, window.location.origin).pathname);
    window.scrollTo?.(0, 0);
  }, []);
  return <NavigationContext.Provider value={{ path, navigate }}>{children}</NavigationContext.Provider>;
}

export function usePath(): string {
  return useContext(NavigationContext).path;
}

export function useNavigate(): (to: string) => void {
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
