import { cleanup, render, screen, within } from '@testing-library/react';
import { CombinedError, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../format/format-date.js';
import { formatPercent } from '../format/format-percent.js';
import { type Answer, clientAnswering } from '../test/client-answering.js';
import { emptyPack, pack, viewer } from '../test/fixtures.js';
import { ReviewPage } from './ReviewPage.js';

afterEach(cleanup);

function renderWith(answer: Answer) {
  return render(
    <Provider value={clientAnswering({ ManagementReviewPack: answer })}>
      <ReviewPage viewer={viewer} />
    </Provider>,
  );
}

const SECTIONS = [
  '(a) Actions from previous management reviews',
  '(b) Changes in external and internal issues',
  '(c) Changes in the needs and expectations of interested parties',
  'Nonconformities and corrective actions',
  'Monitoring and measurement results',
  'AI objectives and their KPIs',
  'Audit results',
  '(e) Opportunities for continual improvement',
  'Risk movement',
  'Certification outlook',
];

/** The section a heading names. */
const section = (name: string) => {
  const found = screen.getByRole('heading', { name }).closest('section');
  if (!found) throw new Error(`no section for ${name}`);
  return within(found);
};

const rowsOf = (table: HTMLElement) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));

describe('ReviewPage', () => {
  it('renders every section of the pack, dated and with the organisation’s name', () => {
    renderWith({ data: { managementReviewPack: pack } });
    expect(screen.getByRole('heading', { level: 1, name: 'Management review pack: Acme Insurance' })).toBeTruthy();
    expect(screen.getByText(formatDate('2026-04-01'), { selector: 'time' }).getAttribute('datetime')).toBe('2026-04-01');
    expect(screen.getByText(/covering the records since the last management review, held on/).textContent).toContain(formatDate('2025-10-01'));
    expect(screen.getByRole('heading', { level: 2, name: '(d) Performance of the AI management system' })).toBeTruthy();
    for (const name of SECTIONS) expect(screen.getByRole('heading', { name })).toBeTruthy();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(screen.queryAllByRole('status')).toHaveLength(0);

    // (a) One open action (overdue), one completed.
    const actions = section(SECTIONS[0]!);
    expect(rowsOf(actions.getByRole('table'))).toEqual([
      ['Publish the AI policy', 'CEO', formatDate('2026-01-31'), 'Open, overdue'],
      ['Train the risk owners', '–', formatDate('2026-02-28'), `Completed ${formatDate('2026-02-20')}`],
    ]);
    expect(actions.getByText('Overdue').nextElementSibling?.textContent).toBe('1');
    // (b) and (c): what was recorded and retired.
    expect(rowsOf(section(SECTIONS[1]!).getByRole('table'))).toEqual([
      ['EU AI Act obligations for high-risk systems', 'External', `Recorded ${formatDate('2025-11-03')}`],
      ['Legacy scoring vendor', 'Internal', `Retired ${formatDate('2026-01-10')}`],
    ]);
    expect(rowsOf(section(SECTIONS[2]!).getByRole('table'))).toEqual([['Consumer ombudsman', 'Explanations of declined applications', `Recorded ${formatDate('2025-12-01')}`]]);
    // (d) Nonconformities: 3 of 4 actions on time is 75%; the late-actions chart as a table.
    const nonconformities = section(SECTIONS[3]!);
    expect(nonconformities.getByText('Nonconformities raised').nextElementSibling?.textContent).toBe('3 (2 by audit, 1 by monitoring)');
    expect(nonconformities.getByText('Completed on time').nextElementSibling?.textContent).toBe(`3 (${formatPercent(0.75)})`);
    const months = rowsOf(nonconformities.getByRole('table', { name: 'Late corrective actions by month' }));
    expect(months).toHaveLength(2);
    // The API's period label 2026-03 reads as the month's name.
    const march = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1));
    expect(months[1]).toEqual([march, '2', '1', formatPercent(0.5), 'No']);
    // (d) Monitoring: the breached disparate impact with its open finding.
    expect(rowsOf(section(SECTIONS[4]!).getByRole('table'))).toEqual([
      ['Credit scoring: Disparate impact by sex', `0.74 (to ${formatDate('2026-03-29')})`, 'at least 0.80', 'Breached', `decreasing; shift from ${formatDate('2026-03-15')}`, `Raised ${formatDate('2026-03-29')}`],
    ]);
    // (d) KPIs of the AI objectives.
    expect(rowsOf(section(SECTIONS[5]!).getByRole('table'))).toEqual([
      ['Fairness reviews on time: Share of reviews on time', `92 % (${formatDate('2026-11-01')})`, 'at least 90', 'Yes', 'increasing'],
    ]);
    // (d) Audits.
    const audits = section(SECTIONS[6]!);
    expect(rowsOf(audits.getByRole('table'))).toEqual([['AIMS internal audit 2026', formatDate('2026-02-15'), '2: 1 minor, 1 opportunity']]);
    expect(audits.getByText('Minor nonconformities').nextElementSibling?.textContent).toBe('1');
    // (e) Opportunities.
    expect(rowsOf(section(SECTIONS[7]!).getByRole('table'))).toEqual([['Automate the model inventory', 'A.4.2', formatDate('2026-02-15')]]);
    // Risk movement: then and now, inherent and residual.
    const movement = section(SECTIONS[8]!);
    expect(rowsOf(movement.getByRole('table', { name: 'Risk exposure then and now' }))).toEqual([
      ['Risks', '3', '4', '3', '4'],
      ['Mean score', '12.7', '10', '10', '4.5'],
      ['Total score', '38', '40', '30', '18'],
      ['Above appetite', '3', '3', '2', '1'],
    ]);
    expect(rowsOf(movement.getByRole('table', { name: 'Risks awaiting re-assessment' }))).toEqual([['Bias in credit model', '20', 'Critical', 'Disparate impact by sex fell below 0.8']]);
    // Certification outlook: readiness and the projected dates; the engine's stage name in words.
    const outlook = section(SECTIONS[9]!);
    expect(outlook.getByText('Overall readiness').nextElementSibling?.textContent).toBe(formatPercent(0.625));
    expect(outlook.getByText('Certification likely by (P50)').nextElementSibling?.textContent).toBe(formatDate('2026-11-20'));
    expect(outlook.getByText('95% sure by (P95)').nextElementSibling?.textContent).toBe(formatDate('2027-03-05'));
    expect(outlook.getByText(/Implementation adds most to the uncertainty/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeTruthy();
  });

  it('says in each section when the pack holds nothing for it', () => {
    renderWith({ data: { managementReviewPack: emptyPack } });
    expect(screen.getByText(/no earlier management review is recorded/)).toBeTruthy();
    const since = formatDate(emptyPack.since);
    const empties = [
      'No actions from earlier management reviews are open or were completed in the period.',
      `No issue was recorded or retired since ${since}.`,
      `No interested party was recorded or retired since ${since}.`,
      `No nonconformity was raised or open, and no corrective action fell due, since ${since}.`,
      'No fairness threshold is set, so no metric is monitored.',
      'No AI objective has a KPI yet.',
      `No internal audit was completed since ${since}.`,
      'No opportunity for improvement is open.',
      'The risk register was empty then and is empty now.',
      'No readiness or projection can be computed yet.',
    ];
    SECTIONS.forEach((name, position) => expect(section(name).getByText(empties[position]!)).toBeTruthy());
    expect(screen.queryAllByRole('table')).toHaveLength(0);
  });

  it('shows every section loading while the pack is computed', () => {
    renderWith('pending');
    expect(screen.getByRole('heading', { level: 1, name: 'Management review pack: Acme Insurance' })).toBeTruthy();
    for (const name of SECTIONS) expect(section(name).getByRole('status').textContent).toBe('Loading…');
    expect((screen.getByRole('button', { name: 'Print or save as PDF' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('explains a failure in every section and offers a retry', () => {
    renderWith({ error: new CombinedError({ networkError: new Error('connection refused') }) });
    for (const name of SECTIONS) expect(section(name).getByRole('alert').textContent).toContain('connection refused');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
