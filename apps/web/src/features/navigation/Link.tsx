import type { MouseEvent, ReactNode } from 'react';

/**
 * Moves to another page of the dashboard without reloading it: the address changes and a
 * popstate event tells the app's router, which follows the back and forward buttons the same way.
 */
export function navigateTo(path: string): void {
  if (path !== window.location.pathname) window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo?.(0, 0);
}

/** A link to a page of the dashboard; a middle click or a modifier key still opens a new tab. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigateTo(to);
  };
  return (
    <a href={to} className={className} onClick={follow}>
      {children}
    </a>
  );
}
