import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Location, matchPath, Router, useLocation, useNavigate } from './router.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('matchPath', () => {
  it('matches literal segments exactly, ignoring a trailing slash', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/risks', '/risks')).toEqual({});
    expect(matchPath('/risks', '/risks/')).toEqual({});
    expect(matchPath('/risks', '/risk')).toBeNull();
    expect(matchPath('/', '/risks')).toBeNull();
  });

  it('takes one decoded segment per parameter', () => {
    expect(matchPath('/risks/:id', '/risks/42')).toEqual({ id: '42' });
    expect(matchPath('/risks/:id/edit', '/risks/a%20b/edit')).toEqual({ id: 'a b' });
    expect(matchPath('/risks/:id', '/risks')).toBeNull();
    expect(matchPath('/risks/:id', '/risks/42/edit')).toBeNull();
  });

  it('refuses a segment that is not valid percent-encoding instead of throwing', () => {
    expect(matchPath('/risks/:id', '/risks/%E0%A4%A')).toBeNull();
  });
});

describe('Router', () => {
  let seen: Location | undefined;
  function Probe() {
    seen = useLocation();
    const navigate = useNavigate();
    return (
      <>
        <button type="button" onClick={() => navigate('/risks?level=High')}>filter</button>
        <button type="button" onClick={() => navigate('/risks?level=Low', { replace: true, state: { mark: 1 } })}>refine</button>
        <button type="button" onClick={() => navigate('/audits')}>page</button>
      </>
    );
  }

  it('follows the query string and history state, scrolling to the top only for another page', async () => {
    window.history.replaceState(null, '', '/risks');
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    render(
      <Router>
        <Probe />
      </Router>,
    );
    const entries = window.history.length;
    fireEvent.click(screen.getByRole('button', { name: 'filter' }));
    expect(seen).toEqual({ path: '/risks', search: '?level=High', state: null });
    fireEvent.click(screen.getByRole('button', { name: 'refine' }));
    expect(seen).toEqual({ path: '/risks', search: '?level=Low', state: { mark: 1 } });
    // The replaced entry took the place of the pushed one.
    expect(window.history.length).toBe(entries + 1);
    expect(scrollTo).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'page' }));
    expect(seen?.path).toBe('/audits');
    expect(scrollTo).toHaveBeenCalledTimes(1);

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(seen).toEqual({ path: '/risks', search: '?level=Low', state: { mark: 1 } });
  });
});
