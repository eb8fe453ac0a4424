import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CombinedError, type Operation, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskDetail, RiskDetailData, RiskFormChoicesData } from '../features/risks/register.js';
import { Router } from '../router.js';
import { type Answer, type Answering, clientAnswering, operationName } from '../test/client-answering.js';
import { viewer } from '../test/fixtures.js';
import { RiskFormPage } from './RiskFormPage.js';

beforeEach(() => window.history.replaceState(null, '', '/risks/k1/edit'));
afterEach(cleanup);

const scale = {
  likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((label, index) => ({ value: index + 1, label })),
  impact: ['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic'].map((label, index) => ({ value: index + 1, label })),
  appetite: 4,
  maxScore: 25,
};

const choices: RiskFormChoicesData = { riskMatrix: scale, aiSystems: { nodes: [{ id: 's1', name: 'Credit scoring' }] } };

function riskAt(version: number, changes: Partial<RiskDetail> = {}): RiskDetail {
  return {
    id: 'k1',
    version,
    title: 'Bias in credit model',
    description: null,
    status: 'TREATING',
    treatment: 'MITIGATE',
    owner: 'Head of Credit',
    reviewDate: null,
    objective: 'fairness',
    source: null,
    likelihood: 4,
    impact: 5,
    score: 20,
    level: 'Critical',
    withinAppetite: false,
    residualLikelihood: 2,
    residualImpact: 5,
    residualScore: 10,
    residualLevel: 'High',
    reassessmentReason: null,
    controlIds: ['A.5.4'],
    updatedAt: '2026-11-01T10:00:00Z',
    aiSystem: { id: 's1', name: 'Credit scoring' },
    assessments: [],
    ...changes,
  };
}

const detail = (risk: RiskDetail): Answer => ({ data: { risk, riskMatrix: scale, controls: { nodes: [] } } satisfies RiskDetailData });

function renderForm(answers: Record<string, Answering>, params: Record<string, string> = { id: 'k1' }, role = 'ADMIN' as const) {
  const seen: Operation[] = [];
  render(
    <Provider value={clientAnswering({ RiskFormChoices: { data: choices }, ...answers }, seen)}>
      <Router>
        <RiskFormPage viewer={{ ...viewer, role }} params={params} />
      </Router>
    </Provider>,
  );
  // The mock sees urql's requests, which carry the document but no kind: tell mutations by name.
  return { mutations: () => seen.filter((operation) => ['CreateRisk', 'UpdateRisk'].includes(operationName(operation) ?? '')) };
}

const badInput = (field: string, message: string) => new CombinedError({ graphQLErrors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] });

describe('RiskFormPage', () => {
  it('fills the form from the risk and sends every field with the version it was read at', async () => {
    const { mutations } = renderForm({ RiskDetail: detail(riskAt(3)), UpdateRisk: 'pending' });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Bias in credit model');
    expect((screen.getByLabelText('Residual likelihood') as HTMLSelectElement).value).toBe('2');
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'Chief Risk Officer' } });
    fireEvent.change(screen.getByLabelText('Linked Annex A controls'), { target: { value: 'A.5.4,  A.7.4;A.9.2 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(mutations()).toHaveLength(1));
    const [update] = mutations();
    expect(operationName(update as Operation)).toBe('UpdateRisk');
    expect(update?.variables).toMatchObject({
      id: 'k1',
      input: { expectedVersion: 3, owner: 'Chief Risk Officer', likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 5, controlIds: ['A.5.4', 'A.7.4', 'A.9.2'], description: null, aiSystemId: 's1', status: 'TREATING' },
    });
  });

  it("shows the API's BAD_USER_INPUT message under the field it names, in words, and focuses that field", async () => {
    renderForm({ RiskDetail: detail(riskAt(3)), UpdateRisk: { error: badInput('residualLikelihood', 'residualLikelihood must not exceed the inherent likelihood 4, got 5') } });
    fireEvent.change(screen.getByLabelText('Residual likelihood'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const message = await screen.findByText('Residual likelihood must not exceed the inherent likelihood 4, got 5');
    const field = screen.getByLabelText('Residual likelihood');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(field);
    // The other fields are not marked.
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('see the field marked below');
  });

  it('lists a refusal that names no field of the form at the top', async () => {
    renderForm({ RiskDetail: detail(riskAt(3)), UpdateRisk: { error: new CombinedError({ graphQLErrors: [{ message: 'Forbidden for your role', extensions: { code: 'FORBIDDEN' } }] }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Forbidden for your role');
  });

  it('explains a CONFLICT and, on request, loads the latest version into the form', async () => {
    let version = 3;
    renderForm({
      RiskDetail: () => detail(riskAt(version, version === 4 ? { owner: 'Head of Model Risk' } : {})),
      UpdateRisk: { error: new CombinedError({ graphQLErrors: [{ message: 'Risk k1 was changed by someone else (version 4, you sent 3)', extensions: { code: 'CONFLICT' } }] }) },
    });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'My stale edit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this risk after you opened it');
    expect(alert.textContent).toContain('Your changes were not saved');
    version = 4;
    fireEvent.click(screen.getByRole('button', { name: /Load the latest version/ }));
    await waitFor(() => expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('Head of Model Risk'));
    expect((screen.getByLabelText('Description') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByRole('status').textContent).toContain('version 4');
    expect(screen.queryByText(/Someone else changed this risk/)).toBeNull();
  });

  it('creates a risk, asking for the ratings the API cannot do without', async () => {
    window.history.replaceState(null, '', '/risks/new');
    const { mutations } = renderForm({ CreateRisk: { data: { createRisk: riskAt(1, { id: 'k9' }) } } }, {});
    expect(screen.getByRole('heading', { level: 1, name: 'New risk' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Prompt injection' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create risk' }));
    expect(await screen.findByText('Likelihood must be chosen')).toBeTruthy();
    expect(screen.getByText('Impact must be chosen')).toBeTruthy();
    expect(mutations()).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Likelihood'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Impact'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create risk' }));
    await waitFor(() => expect(window.location.pathname).toBe('/risks/k9'));
    expect(mutations()[0]?.variables).toMatchObject({ input: { title: 'Prompt injection', likelihood: 2, impact: 4, status: 'IDENTIFIED', residualLikelihood: null, treatment: null } });
  });

  it('shows no form to a role that may not change risks', () => {
    renderForm({ RiskDetail: detail(riskAt(3)) }, { id: 'k1' }, 'EXECUTIVE' as 'ADMIN');
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.getByText(/reads the risk register but does not change it/)).toBeTruthy();
  });

  it('shows the loading state, then a load error with a way to retry', () => {
    renderForm({ RiskDetail: 'pending' });
    expect(screen.getByRole('status').textContent).toBe('Loading the form…');
    cleanup();
    renderForm({ RiskDetail: { error: new CombinedError({ graphQLErrors: ['Database unavailable'] }) } });
    expect(screen.getByRole('alert').textContent).toContain('Database unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
