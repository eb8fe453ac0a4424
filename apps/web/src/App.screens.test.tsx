import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

const current = () => screen.getByRole('navigation', { name: 'Pages' }).querySelector('[aria-current="page"]')?.textContent;

describe('App: the register screens', () => {
  it.each([
    ['/ai-systems', 'AI systems', 'Loading the AI system inventory'],
    ['/ai-systems/s1', 'AI systems', 'Loading the AI system'],
    ['/soa', 'Statement of Applicability', 'Loading the Statement of Applicability'],
    ['/audits', 'Audits', 'Loading the audits'],
    ['/certification', 'Certification', 'Loading the certification plan'],
  ])('opens %s directly, marking %s in the navigation', async (path, entry, loading) => {
    window.history.replaceState(null, '', path);
    render(<App />);
    expect(current()).toBe(entry);
    // The page's code loads first, then the page shows its own loading state.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(loading), { timeout: 10_000 });
  });

  it('moves between the screens from the navigation', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('link', { name: 'Statement of Applicability' }));
    expect(window.location.pathname).toBe('/soa');
    expect(current()).toBe('Statement of Applicability');
    fireEvent.click(screen.getByRole('link', { name: 'Certification' }));
    expect(window.location.pathname).toBe('/certification');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Loading the certification plan'), { timeout: 10_000 });
  });
});
