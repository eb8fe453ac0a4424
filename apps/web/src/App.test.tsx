import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientAnswering } from './test/client-answering.js';
import { viewer } from './test/fixtures.js';

// A signed-in session whose client knows only who the viewer is; every page's own queries stay pending.
vi.mock('./client.js', () => ({
  storedToken: () => 'session-token',
  storeToken: () => undefined,
  createClient: () => clientAnswering({ Viewer: { data: { me: viewer } } }),
}));

const { App } = await import('./App.js');

// A page's code is imported on first visit; the charts' modules take a few seconds to transform.
const PAGE_LOAD = { timeout: 10_000 };

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('App', () => {
  it('links the overview and the management review pack, following the address and the back button', async () => {
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Overview');
    // The page's code loads first, then its query runs.
    expect(screen.getByRole('status').textContent).toContain('Loading the page');
    expect((await screen.findByText(/Loading the risk register/, {}, PAGE_LOAD)).getAttribute('role')).toBe('status');

    fireEvent.click(screen.getByRole('link', { name: 'Management review pack' }));
    expect(window.location.pathname).toBe('/review');
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Management review pack');
    expect(await screen.findByRole('heading', { level: 1, name: 'Management review pack: Acme Insurance' }, PAGE_LOAD)).toBeTruthy();

    act(() => {
      window.history.replaceState(null, '', '/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await screen.findByText(/Loading the risk register/, {}, PAGE_LOAD);
    expect(screen.queryByRole('heading', { level: 1, name: /Management review pack/ })).toBeNull();
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Overview');
  });

  it('opens the review pack directly from its address', async () => {
    window.history.replaceState(null, '', '/review');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Management review pack: Acme Insurance' }, PAGE_LOAD)).toBeTruthy();
  });

  it("opens a risk's page from an address with its id, under the register's link", async () => {
    window.history.replaceState(null, '', '/risks/k%201');
    render(<App />);
    expect(await screen.findByText('Loading the risk…', {}, PAGE_LOAD)).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Pages' }).querySelector('[aria-current="page"]')?.textContent).toBe('Risk register');
  });

  it('answers an unknown address with a not-found page that links back, marking no navigation link as current', () => {
    window.history.replaceState(null, '', '/no-such-page');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/no-such-page')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Pages' }).querySelector('[aria-current]')).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Go to the overview' }));
    expect(window.location.pathname).toBe('/');
    expect(screen.queryByRole('heading', { name: 'Page not found' })).toBeNull();
  });
});
