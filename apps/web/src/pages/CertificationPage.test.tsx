import { cleanup, render, screen } from '@testing-library/react';
import { CombinedError, Provider, type Operation } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../format/format-date.js';
import { type Answer, clientAnswering, operationName } from '../test/client-answering.js';
import { certificationOutlook } from '../test/fixtures.js';
import { plan } from '../test/screens-fixtures.js';
import { CertificationPage } from './CertificationPage.js';

afterEach(cleanup);

function renderWith(answers: Record<string, Answer>, seen: Operation[] = []) {
  return render(
    <Provider value={clientAnswering(answers, seen)}>
      <CertificationPage />
    </Provider>,
  );
}

const full = { CertificationPlan: { data: plan }, CertificationOutlook: { data: certificationOutlook } };
const cells = (row: Element | null | undefined) => [...(row?.children ?? [])].map((cell) => cell.textContent);
const tile = (label: string) => screen.getByText(label).previousElementSibling?.textContent;

describe('CertificationPage', () => {
  it('lists the seven stages with planned and actual dates, flagging a late finish', () => {
    renderWith(full);
    const rows = screen.getByRole('table', { name: 'Certification plan' }).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(7);
    expect(cells(rows[0])).toEqual(['Gap analysis', 'Done', formatDate('2026-01-05'), formatDate('2026-01-31'), formatDate('2026-01-05'), `${formatDate('2026-02-06')}Finished late`, '']);
    expect(cells(rows[1])).toEqual(['Implementation', 'In progress', formatDate('2026-02-01'), formatDate('2026-07-31'), formatDate('2026-02-09'), '–', 'Controls first, then evidence.']);
    expect(cells(rows[2])).toEqual(['Internal audit', 'Not started', '–', '–', '–', '–', '']);
  });

  it('shows the forecast from the certification projection and reuses the overview’s timeline, asking the API once', () => {
    const seen: Operation[] = [];
    renderWith(full, seen);
    expect(tile('Certification as likely before as after (P50)')).toBe(formatDate('2026-11-20'));
    expect(tile('80% sure of certification by (P80)')).toBe(formatDate('2027-01-15'));
    expect(tile('95% sure of certification by (P95)')).toBe(formatDate('2027-03-05'));
    expect(screen.getByRole('img', { name: /^Timeline of 7 certification stages/ }).querySelectorAll('.assay-timeline__p50')).toHaveLength(7);
    // The tiles and the timeline share one document, which urql sends once.
    const outlook = seen.filter((operation) => operationName(operation) === 'CertificationOutlook');
    expect(outlook.length).toBeGreaterThan(0);
    expect(new Set(outlook.map((operation) => operation.key)).size).toBe(1);
  });

  it('shows the chosen body with its accreditation body, number, 42001 scope and verification date', () => {
    renderWith(full);
    const text = screen.getByLabelText('Chosen certification body').textContent ?? '';
    expect(text).toContain('Harbour Certification');
    expect(text).toContain('UKAS (signs the IAF MLA, now GACI)');
    expect(text).toContain('Accreditation number1234');
    expect(text).toContain('ISO/IEC 42001 in the accreditation scopeYes');
    expect(text).toContain(`Accreditation verified on${formatDate('2026-03-02')}`);
    expect(text).not.toContain('Not accredited');
    const others = screen.getByRole('table', { name: 'Other certification bodies considered' }).querySelectorAll('tbody tr');
    expect(cells(others[0])).toEqual(['Quickcert Online', 'None', '–', 'No', '–', 'No accreditation; rejected.']);
  });

  it('says so when no body is chosen and no stage is planned', () => {
    renderWith({ ...full, CertificationPlan: { data: { certificationPlan: { stages: [], chosenBody: null, bodies: [] } } } });
    expect(screen.getByText('No certification body has been chosen yet.')).toBeTruthy();
    expect(screen.getByText('No certification stage is planned yet.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Other certification bodies considered' })).toBeNull();
  });

  it('flags a chosen body that is not accredited for 42001', () => {
    const unaccredited = { ...plan.certificationPlan.bodies[1]!, chosen: true };
    renderWith({ ...full, CertificationPlan: { data: { certificationPlan: { ...plan.certificationPlan, chosenBody: unaccredited, bodies: [unaccredited] } } } });
    expect(screen.getByLabelText('Chosen certification body').textContent).toContain('Quickcert OnlineNot accredited for ISO/IEC 42001');
    expect(screen.getByLabelText('Chosen certification body').textContent).toContain('Accreditation verified onNot verified yet');
  });

  it('shows loading and error states for the plan and for the forecast', () => {
    renderWith({});
    expect(screen.getByRole('status').textContent).toContain('Loading the certification plan');
    cleanup();
    renderWith({ CertificationPlan: { error: new CombinedError({ networkError: new Error('offline') }) } });
    expect(screen.getByRole('alert').textContent).toContain('offline');
    cleanup();
    renderWith({ ...full, CertificationOutlook: { error: new CombinedError({ networkError: new Error('timeout') }) } });
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'The certification forecast could not be loaded: [Network] timeout',
      'The certification projection could not be loaded: [Network] timeout',
    ]);
  });
});
