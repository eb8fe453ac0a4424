import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CombinedError, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Answer, clientAnswering } from '../test/client-answering.js';
import { inventory } from '../test/screens-fixtures.js';
import { AiSystemsPage } from './AiSystemsPage.js';

beforeEach(() => window.history.replaceState(null, '', '/ai-systems'));
afterEach(cleanup);

function renderWith(answer: Answer) {
  return render(
    <Provider value={clientAnswering({ AiSystemInventory: answer })}>
      <AiSystemsPage />
    </Provider>,
  );
}

const cells = (row: Element | undefined) => [...(row?.children ?? [])].map((cell) => cell.textContent);

describe('AiSystemsPage', () => {
  it('lists each system with its tier, stage, owner, risk count and highest risk, the most regulated first', () => {
    renderWith({ data: { aiSystems: { totalCount: 2, nodes: inventory } } });
    expect(screen.getByRole('heading', { level: 1, name: 'AI systems' })).toBeTruthy();
    const rows = screen.getByRole('table', { name: 'AI system inventory' }).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    // The high-risk system comes first although the API listed it second; its highest risk scores 20.
    expect(cells(rows[0])).toEqual(['Credit scoring', '▲High risk', 'Deployment', '–', '3', 'Critical (score 20)']);
    expect(cells(rows[1])).toEqual(['Fraud detection', '○Minimal risk', 'Operation and monitoring', 'Fraud Operations Lead', '0', 'None recorded']);
    // The tier reads in words; the shape is hidden from screen readers.
    expect(rows[0]?.querySelector('[data-tier="HIGH_RISK"] [aria-hidden="true"]')?.textContent).toBe('▲');
    expect(screen.getByText('2 AI systems: High risk 1, Minimal risk 1.')).toBeTruthy();
  });

  it('opens a system’s page from its name without reloading', () => {
    renderWith({ data: { aiSystems: { totalCount: 2, nodes: inventory } } });
    const link = screen.getByRole('link', { name: 'Credit scoring' });
    expect(link.getAttribute('href')).toBe('/ai-systems/s1');
    let followed = '';
    const listen = () => (followed = window.location.pathname);
    window.addEventListener('popstate', listen);
    fireEvent.click(link);
    window.removeEventListener('popstate', listen);
    expect(followed).toBe('/ai-systems/s1');
  });

  it('says so when no system is recorded', () => {
    renderWith({ data: { aiSystems: { totalCount: 0, nodes: [] } } });
    expect(screen.getByText('No AI system is recorded yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows loading and error states', () => {
    renderWith('pending');
    expect(screen.getByRole('status').textContent).toContain('Loading the AI system inventory');
    cleanup();
    renderWith({ error: new CombinedError({ networkError: new Error('offline') }) });
    expect(screen.getByRole('alert').textContent).toContain('offline');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
