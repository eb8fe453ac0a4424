import { ChartCard, formatNumber } from '@assay/ui';
import { useQuery } from 'urql';
import { formatDate } from '../../format/format-date.js';
import { isoDateAddDays } from '../../format/iso-date-add-days.js';
import { type Estimate, type FairnessAttribute, type FairnessReport, FairnessReportQuery, type GroupReport, type ReportSettings } from './system-fairness.js';
import './ai-systems.css';

const percent = (value: number | null) => formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
const decimal = (value: number | null) => formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** A p- or q-value: small ones in scientific notation, so 0.0000 never hides a real value. */
const probability = (value: number | null | undefined) => {
  if (value === null || value === undefined) return '–';
  return value < 0.001 ? formatNumber(value, { notation: 'scientific', maximumFractionDigits: 1 }) : formatNumber(value, { maximumFractionDigits: 3 });
};

function interval(estimate: Estimate, format: (value: number | null) => string): string {
  return estimate.lower === null || estimate.upper === null ? '–' : `${format(estimate.lower)} – ${format(estimate.upper)}`;
}

/**
 * The selection rate of each group of one attribute, with its confidence interval, over the
 * latest windows; groups below the minimum size are shown as suppressed, without figures.
 */
export function FairnessReportCard({ aiSystemId, systemName, attribute, settings }: { aiSystemId: string; systemName: string; attribute: FairnessAttribute; settings: ReportSettings }) {
  const variables = { aiSystemId, attribute: attribute.attribute, privilegedGroup: settings.privilegedGroup, minGroupSize: settings.minGroupSize, from: settings.from };
  const [{ data, fetching, error }] = useQuery({ query: FairnessReportQuery, variables });
  const subject = `selection rate by ${attribute.attribute}`;

  if (fetching && !data) return <p className="assay-status" role="status">Loading the {subject} of {systemName}…</p>;
  if (error || !data) {
    return (
      <p className="assay-status" role="alert">
        The {subject} of {systemName} could not be loaded: {error?.message ?? 'no data'}
      </p>
    );
  }
  const report = data.fairnessReport;
  const level = formatNumber(report.confidenceLevel, { style: 'percent', maximumFractionDigits: 1 });
  const period = `${report.windows} windows from ${formatDate(report.from)} to ${formatDate(isoDateAddDays(report.to, -1))}`;
  const suppression = settings.minGroupSize > 0 ? `Groups with fewer than ${formatNumber(settings.minGroupSize)} rows are suppressed.` : 'No minimum group size is set, so no group is suppressed.';
  return (
    <ChartCard
      title={`Fairness report: ${attribute.attribute}`}
      description={`Selection rate per group with ${level} intervals, ${period} merged. ${suppression} ${verdict(report)}`}
      table={<GroupTable report={report} level={level} minGroupSize={settings.minGroupSize} />}
    >
      {report.groups.length === 0 ? (
        <p className="assay-empty">No group has rows in these windows.</p>
      ) : (
        <>
          <IntervalChart report={report} minGroupSize={settings.minGroupSize} label={`Selection rate of ${report.groups.length} groups of ${attribute.attribute} for ${systemName}, with ${level} intervals; all rows ${percent(report.overall.selectionRate.value)}`} />
          <IntervalLegend level={level} />
        </>
      )}
    </ChartCard>
  );
}

/** One sentence on disparate impact against the privileged group and on the four-fifths rule. */
function verdict(report: FairnessReport): string {
  const parts: string[] = [];
  const privileged = report.privileged;
  if (privileged && privileged.disparateImpact.value !== null) {
    parts.push(`Disparate impact against ${privileged.privilegedGroup}: ${decimal(privileged.disparateImpact.value)} (${interval(privileged.disparateImpact, decimal)}).`);
  }
  const rule = report.fourFifthsRule;
  if (rule.passes === true) parts.push(`Four-fifths rule met: the lowest ratio to the best-served group is ${decimal(rule.lowestRatio)}.`);
  if (rule.passes === false) parts.push(`Four-fifths rule not met: ${rule.group ?? 'a group'} is selected at ${decimal(rule.lowestRatio)} of the rate of ${rule.highestGroup ?? 'the best-served group'}.`);
  return parts.join(' ');
}

const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25] as const;

/** A rounded top of the rate axis above every upper bound, and its tick step (at most 5 steps). */
export function rateAxis(highest: number): { top: number; step: number } {
  if (!(highest > 0)) return { top: 1, step: 0.25 };
  const step = STEPS.find((candidate) => Math.ceil(highest / candidate - 1e-9) <= 5) ?? 0.25;
  const top = Math.min(1, Math.ceil(highest / step - 1e-9) * step);
  return { top: Math.max(top, step), step };
}

function IntervalChart({ report, minGroupSize, label }: { report: FairnessReport; minGroupSize: number; label: string }) {
  const rows = [report.overall, ...report.groups];
  const uppers = rows.map((row) => row.selectionRate.upper ?? row.selectionRate.value ?? 0);
  const { top, step } = rateAxis(Math.max(...uppers));
  const at = (value: number) => `${(Math.min(value, top) / top) * 100}%`;
  const overall = report.overall.selectionRate.value;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + 1e-9; tick += step) ticks.push(tick);
  const privilegedGroup = report.privileged?.privilegedGroup ?? null;
  return (
    <div role="img" aria-label={label} className="assay-intervals">
      {rows.map((row) => {
        const isOverall = row.group === null;
        const name = isOverall ? 'All rows' : `${row.group}${row.group === privilegedGroup ? ' (privileged)' : ''}`;
        const rate = row.selectionRate;
        return (
          <div key={row.group ?? '__all'} className={isOverall ? 'assay-intervals__row assay-intervals__row--overall' : 'assay-intervals__row'} data-group={row.group ?? ''}>
            <div>
              {name}
              <span className="assay-intervals__count">{formatNumber(row.count)} rows</span>
            </div>
            <div className="assay-intervals__track">
              {overall !== null && !isOverall ? <span className="assay-intervals__overall" style={{ left: at(overall) }} /> : null}
              {row.suppressed ? (
                <span className="assay-intervals__suppressed">Suppressed: fewer than {formatNumber(minGroupSize)} rows</span>
              ) : (
                <>
                  {rate.lower !== null && rate.upper !== null ? <span className="assay-intervals__range" style={{ left: at(rate.lower), width: `${((Math.min(rate.upper, top) - rate.lower) / top) * 100}%` }} /> : null}
                  {rate.value !== null ? <span className="assay-intervals__point" style={{ left: at(rate.value) }} /> : null}
                </>
              )}
            </div>
            <div className="assay-intervals__value">{row.suppressed ? 'Suppressed' : `${percent(rate.value)} (${interval(rate, percent)})`}</div>
          </div>
        );
      })}
      <div className="assay-intervals__row assay-intervals__axis" aria-hidden="true">
        <div />
        <div className="assay-intervals__track">
          {ticks.map((tick) => (
            <span key={tick} className="assay-intervals__tick" style={{ left: at(tick) }}>
              {formatNumber(tick, { style: 'percent', maximumFractionDigits: 0 })}
            </span>
          ))}
        </div>
        <div />
      </div>
    </div>
  );
}

function IntervalLegend({ level }: { level: string }) {
  return (
    <ul className="assay-legend" aria-label="Fairness report key">
      <li>
        <span className="assay-intervals__key assay-intervals__key--point" aria-hidden="true" /> Selection rate
      </li>
      <li>
        <span className="assay-intervals__key assay-intervals__key--range" aria-hidden="true" /> {level} interval
      </li>
      <li>
        <span className="assay-intervals__key assay-intervals__key--overall" aria-hidden="true" /> Rate over all rows
      </li>
      <li>
        <span className="assay-intervals__key assay-intervals__key--suppressed" aria-hidden="true" /> Suppressed (too few rows)
      </li>
    </ul>
  );
}

function GroupTable({ report, level, minGroupSize }: { report: FairnessReport; level: string; minGroupSize: number }) {
  const rows: GroupReport[] = [report.overall, ...report.groups];
  return (
    <table className="assay-table" aria-label={`Fairness report by ${report.attribute} as a table`}>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Rows</th>
          <th scope="col">Selection rate</th>
          <th scope="col">{level} interval</th>
          <th scope="col">True positive rate</th>
          <th scope="col">False positive rate</th>
          <th scope="col">q-value (vs the rest)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          row.suppressed ? (
            <tr key={row.group ?? '__all'} data-suppressed="true">
              <th scope="row">{row.group}</th>
              <td>{formatNumber(row.count)}</td>
              <td colSpan={5}>Suppressed: fewer than {formatNumber(minGroupSize)} rows</td>
            </tr>
          ) : (
            <tr key={row.group ?? '__all'}>
              <th scope="row">{row.group ?? 'All rows'}</th>
              <td>{formatNumber(row.count)}</td>
              <td>{percent(row.selectionRate.value)}</td>
              <td>{interval(row.selectionRate, percent)}</td>
              <td>{percent(row.truePositiveRate.value)}</td>
              <td>{percent(row.falsePositiveRate.value)}</td>
              <td>{probability(row.test?.qValue)}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
