import type { ReactElement } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Symbols, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../format/format-number.js';
import { palette } from '../../palette.js';

export interface ScoreHistoryReference {
  value: number;
  label: string;
}

export interface ScoreHistoryChartProps<Row extends object> {
  /** One row per assessment, in any order; rows are sorted by their `index` time. */
  data: readonly Row[];
  /** The key of each row's ISO date or date-time (the time axis, to scale). */
  index: keyof Row & string;
  /** The key(s) of the scores to draw; one stepped line per key. A `null` score is a gap. */
  categories: readonly (keyof Row & string)[];
  /** One colour per category. */
  colors?: readonly string[];
  valueFormatter?: (value: number) => string;
  /** Formats a time (milliseconds since 1970) for ticks and tooltips (default: the locale's short date, in UTC). */
  dateFormatter?: (time: number) => string;
  /** The top of the score axis, e.g. the highest score of the risk matrix (the bottom is 0). */
  maxValue: number;
  /** A horizontal line at a score, such as the risk appetite. */
  reference?: ScoreHistoryReference;
  /**
   * An ISO date-time up to which the latest scores still hold (e.g. now): each line carries its
   * last score on to it, so a single assessment shows as a level line rather than a lone point.
   */
  until?: string;
  /** Pixel height of the plot (the legend adds a line below it). */
  height?: number;
  /** Fixed pixel width (for print and tests); by default the width follows the container. */
  width?: number;
  /** Accessible name of the chart image. */
  label: string;
}

const SCORE_HISTORY_EMPTY_MESSAGE = 'No assessments yet';
const DEFAULT_COLORS = [palette.vermillion, palette.blue, palette.bluishGreen, palette.reddishPurple];
const DASHES: readonly (string | undefined)[] = [undefined, '8 4', '2 3', '10 3 2 3'];
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond'] as const;
const AXIS_INK = '#1c2330';
const DAY = 86_400_000;
/** Marks the row that carries the latest scores on to `until`: it gets no point symbol. */
const CARRIED = '__carried';
const TIME = '__time';

const shortUtcDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeZone: 'UTC' });

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Scores over time as stepped lines: a score holds from one assessment until the next, so each
 * change shows as a step at the date it was made, with the time axis to scale. A point marks each
 * assessment; an optional reference line marks the appetite. With no score at all it shows only
 * the message "No assessments yet".
 */
export function ScoreHistoryChart<Row extends object>({
  data,
  index,
  categories,
  colors = DEFAULT_COLORS,
  valueFormatter = (value) => formatNumber(value),
  dateFormatter = (time) => shortUtcDate.format(time),
  maxValue,
  reference,
  until,
  height = 260,
  width,
  label,
}: ScoreHistoryChartProps<Row>) {
  const timeOf = (row: Record<string, unknown>) => Number(row[TIME]);
  const rows: Record<string, unknown>[] = (data as readonly Record<string, unknown>[])
    .map((row) => ({ ...row, [TIME]: Date.parse(String(row[index])) }))
    .filter((row) => Number.isFinite(timeOf(row)))
    .sort((a, b) => timeOf(a) - timeOf(b));
  const drawn: string[] = categories.filter((category: string) => rows.some((row) => isFiniteNumber(row[category])));
  if (drawn.length === 0) {
    return (
      <div className="assay-chart assay-chart--empty" style={{ width: width ?? '100%', minHeight: height, display: 'grid', placeItems: 'center' }}>
        <p className="assay-chart__empty">{SCORE_HISTORY_EMPTY_MESSAGE}</p>
      </div>
    );
  }
  const last = rows[rows.length - 1];
  const untilTime = until === undefined ? Number.NaN : Date.parse(until);
  const plotted: Record<string, unknown>[] = [...rows];
  if (last && Number.isFinite(untilTime) && untilTime > timeOf(last)) plotted.push({ ...last, [TIME]: untilTime, [CARRIED]: true });
  const first = rows[0] ? timeOf(rows[0]) : 0;
  const lastPlotted = plotted[plotted.length - 1];
  const end = lastPlotted ? timeOf(lastPlotted) : first;
  // A single moment gets a day either side, so the axis has a width.
  const domain: [number, number] = end > first ? [first, end] : [first - DAY, first + DAY];
  const series = categories.map((category: string, position) => ({
    category,
    color: colors[position % colors.length] ?? palette.grey,
    dash: DASHES[position % DASHES.length],
    symbol: SYMBOLS[position % SYMBOLS.length] ?? 'circle',
    drawn: drawn.includes(category),
  }));
  return (
    <div role="img" aria-label={label} className="assay-chart" style={{ width: width ?? '100%' }}>
      <SizedChart width={width} height={height}>
        <ComposedChart data={plotted} margin={{ top: 12, right: 24, bottom: 8, left: 8 }} {...(width === undefined ? {} : { width, height })}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey={TIME}
            type="number"
            scale="time"
            domain={domain}
            tickFormatter={(value: unknown) => dateFormatter(Number(value))}
            tick={{ fontSize: 12, fill: AXIS_INK }}
            minTickGap={24}
            tickCount={6}
          />
          <YAxis domain={[0, maxValue]} ticks={scoreTicks(maxValue)} allowDecimals={false} tickFormatter={valueFormatter} tick={{ fontSize: 12, fill: AXIS_INK }} width={40} />
          <Tooltip
            labelFormatter={(value: unknown) => dateFormatter(Number(value))}
            formatter={(value: unknown) => (isFiniteNumber(value) ? valueFormatter(value) : formatNumber(null))}
          />
          {reference ? (
            <ReferenceLine
              y={reference.value}
              ifOverflow="extendDomain"
              stroke={palette.grey}
              strokeDasharray="6 3"
              label={{ value: reference.label, position: 'insideTopRight', fill: AXIS_INK, fontSize: 12 }}
            />
          ) : null}
          {series
            .filter((line) => line.drawn)
            .map((line) => (
              <Line
                key={line.category}
                dataKey={line.category}
                type="stepAfter"
                stroke={line.color}
                strokeWidth={2}
                {...(line.dash === undefined ? {} : { strokeDasharray: line.dash })}
                dot={(props: { cx?: number; cy?: number; index?: number; payload?: Record<string, unknown> }) => (
                  <AssessmentPoint key={`${line.category}-${props.index ?? 0}`} {...props} symbol={line.symbol} color={line.color} />
                )}
                activeDot={{ r: 5 }}
                isAnimationActive={false}
              />
            ))}
        </ComposedChart>
      </SizedChart>
      <Legend series={series} />
    </div>
  );
}

/**
 * Ticks from 0 to maxValue at a round step (1, 2 or 5 times a power of ten) giving at most six
 * intervals, with maxValue itself as the last tick: 25 gives 0, 5, …, 25; 16 gives 0, 5, 10, 16.
 */
export function scoreTicks(maxValue: number): number[] {
  if (!(maxValue > 0)) return [0];
  const rough = maxValue / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = 0; tick < maxValue; tick += step) ticks.push(tick);
  // A last round tick just below the top would crowd it: drop it.
  if (ticks.length > 1 && maxValue - (ticks.at(-1) ?? 0) < step / 2) ticks.pop();
  ticks.push(maxValue);
  return ticks;
}

/** The symbol of one assessment; none for the carried-on row or a missing score. */
function AssessmentPoint({ cx, cy, payload, symbol, color }: { cx?: number; cy?: number; payload?: Record<string, unknown>; symbol: (typeof SYMBOLS)[number]; color: string }): ReactElement {
  if (payload?.[CARRIED] === true || !isFiniteNumber(cx) || !isFiniteNumber(cy)) return <g />;
  return <Symbols className="assay-chart__point" type={symbol} cx={cx} cy={cy} size={8} sizeType="diameter" fill={color} />;
}

function Legend({ series }: { series: readonly { category: string; color: string; dash: string | undefined; symbol: (typeof SYMBOLS)[number]; drawn: boolean }[] }) {
  return (
    <ul className="assay-chart__legend" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', margin: 0, padding: '4px 8px', fontSize: 12, color: AXIS_INK }}>
      {series.map((line) => (
        <li key={line.category} className="assay-chart__legend-item" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <svg width={28} height={12} aria-hidden="true">
            <line x1={1} y1={6} x2={27} y2={6} stroke={line.color} strokeWidth={2} strokeDasharray={line.dash} />
            <Symbols type={line.symbol} cx={14} cy={6} size={7} sizeType="diameter" fill={line.color} />
          </svg>
          {line.drawn ? line.category : `${line.category} (none recorded)`}
        </li>
      ))}
    </ul>
  );
}

/** Wraps the chart in a ResponsiveContainer unless it has a fixed width. */
function SizedChart({ width, height, children }: { width: number | undefined; height: number; children: ReactElement }) {
  if (width !== undefined) return children;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
