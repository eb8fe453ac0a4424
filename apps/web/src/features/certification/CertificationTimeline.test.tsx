import type { ResultOf } from '@graphql-typed-document-node/core';
import { cleanup, render, screen } from '@testing-library/react';
import { CombinedError, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../format/format-date.js';
import { type Answer, clientAnswering } from '../../test/client-answering.js';
import { certificationOutlook } from '../../test/fixtures.js';
import type { CertificationOutlookQuery } from './certification.js';
import { CertificationTimeline } from './CertificationTimeline.js';

afterEach(cleanup);

function renderWith(answer: Answer) {
  return render(
    <Provider value={clientAnswering({ CertificationOutlook: answer })}>
      <CertificationTimeline />
    </Provider>,
  );
}

describe('CertificationTimeline', () => {
  it('marks each stage’s P50 with its P80 and P95 spread, and the planned ends', () => {
    const { container } = renderWith({ data: certificationOutlook });
    const chart = screen.getByRole('img', { name: `Timeline of 7 certification stages; Certification decision projected for ${formatDate('2026-11-20')} (P50)` });
    const rows = chart.querySelectorAll('.assay-timeline__row[data-stage]');
    expect(rows).toHaveLength(7);
    // Every stage has its P50 mark; the done gap analysis has no spread; four stages have a planned end.
    expect(chart.querySelectorAll('.assay-timeline__p50')).toHaveLength(7);
    expect(chart.querySelectorAll('.assay-timeline__p50--done')).toHaveLength(1);
    expect(chart.querySelectorAll('.assay-timeline__range')).toHaveLength(6);
    expect(chart.querySelectorAll('.assay-timeline__whisker')).toHaveLength(6);
    expect(chart.querySelectorAll('.assay-timeline__planned')).toHaveLength(4);
    expect(rows[0]?.querySelector('.assay-timeline__value')?.textContent).toBe(`Done ${formatDate('2026-02-06')}`);
    expect(rows[1]?.querySelector('.assay-timeline__value')?.textContent).toBe(formatDate('2026-08-14'));
    // The axis runs from the earliest date, the gap analysis's planned end (31 Jan 2026), to the last P95
    // (5 Mar 2027): the P80 bar of implementation starts at its P50 (14 Aug 2026) and is 42 days long.
    const span = Date.UTC(2027, 2, 5) - Date.UTC(2026, 0, 31);
    const range = rows[1]?.querySelector<HTMLElement>('.assay-timeline__range');
    expect(parseFloat(range?.style.left ?? '')).toBeCloseTo(((Date.UTC(2026, 7, 14) - Date.UTC(2026, 0, 31)) / span) * 100, 6);
    expect(parseFloat(range?.style.width ?? '')).toBeCloseTo(((42 * 86_400_000) / span) * 100, 6);
    expect(container.textContent).toContain(`Certification decision: P50 ${formatDate('2026-11-20')}, P80 ${formatDate('2027-01-15')}. Implementation adds most to the uncertainty.`);
    // The table view: one row per stage with every date.
    const tableRows = screen.getByRole('table', { name: 'Certification timeline as a table' }).querySelectorAll('tbody tr');
    expect(tableRows).toHaveLength(7);
    expect([...(tableRows[1]?.children ?? [])].map((cell) => cell.textContent)).toEqual([
      'Implementation',
      'In progress',
      formatDate('2026-07-31'),
      '–',
      formatDate('2026-08-14'),
      formatDate('2026-09-25'),
      formatDate('2026-11-06'),
    ]);
    expect(tableRows[0]?.children[3]?.textContent).toBe(formatDate('2026-02-06'));
  });

  it('says so when no stage is planned', () => {
    const empty: ResultOf<typeof CertificationOutlookQuery> = { ...certificationOutlook, certificationProjection: { ...certificationOutlook.certificationProjection, stages: [] } };
    const { container } = renderWith({ data: empty });
    expect(screen.getByText('No certification stages are planned yet.')).toBeTruthy();
    expect(container.querySelector('.assay-timeline')).toBeNull();
    expect(screen.getByText('No stages to list.')).toBeTruthy();
  });

  it('shows loading and error states', () => {
    renderWith('pending');
    expect(screen.getByRole('status').textContent).toContain('Loading the certification projection');
    cleanup();
    renderWith({ error: new CombinedError({ networkError: new Error('offline') }) });
    expect(screen.getByRole('alert').textContent).toContain('offline');
  });
});
