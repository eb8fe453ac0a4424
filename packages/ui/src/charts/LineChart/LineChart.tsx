import type { ReactElement } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Symbols,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceTicks } from '../../axis/nice-ticks.js';
import { formatNumber } from '../../format/format-number.js';
import { palette } from '../../palette.js';

export interface LineChartBand<Row extends object> {
  /** The key of the band's lower bound (e.g. the lower end of a confidence interval). */
  lower: keyof Row & string;
  /** The key of the band's upper bound. */
  upper: keyof Row & string;
  /** What the band is, for the legend and tooltip (e.g. "95% confidence interval"). */
  label: string;
}

export interface LineChartReference {
  value: number;
  label: string;
}

export interface LineChartMarker {
  /** An ISO date that is one of the `index` values of `data`; markers elsewhere are not drawn. */
  x: string;
  label: string;
}

export interface LineChartProps<Row extends object> {
  /** One row per point in time, in time order. */
  data: readonly Row[];
  /** The key of each row's ISO date (the x axis). */
  index: keyof Row & string;
  /** The key(s) of the values to draw; one line per key. A `null` value is a gap. */
  categories: readonly (keyof Row & string)[];
  /** One colour per category. */
  colors?: readonly string[];
  valueFormatter?: (value: number) => string;
  /** Formats an `index` date for ticks and tooltips (default: the locale's short date, in UTC). */
  dateFormatter?: (isoDate: string) => string;
  /** A shaded band behind the first category, such as its confidence interval. */
  band?: LineChartBand<Row>;
  /** A horizontal line at a value, such as a threshold; the value axis stretches to show it. */
  reference?: LineChartReference;
  /** Vertical lines at dates, such as detected change points. */
  markers?: readonly LineChartMarker[];
  /** Fixed bounds of the value axis (default: fitted to the data). */
  yDomain?: readonly [number, number];
  /** Pixel height of the plot (the legend adds a line below it). */
  height?: number;
  /** Fixed pixel width (for print and tests); by default the width follows the container. */
  width?: number;
  /** Draws a line across missing values instead of leaving a gap. */
  connectNulls?: boolean;
  /** Accessible name of the chart image. */
  label: string;
}

const LINE_CHART_EMPTY_MESSAGE = 'No data for this period';

const DEFAULT_COLORS = [palette.blue, palette.orange, palette.bluishGreen, palette.reddishPurple];

/** Each line has its own dash pattern and point symbol, so lines tell apart without colour. */
const DASHES: readonly (string | undefined)[] = [undefined, '8 4', '2 3', '10 3 2 3'];
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond'] as const;

const AXIS_INK = '#1c2330';
const REFERENCE_DASH = '6 3';
const BAND_OPACITY = 0.2;

const shortUtcDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeZone: 'UTC' });

/** The locale's short date of an ISO date, read in UTC so the day does not shift; other text passes through. */
function defaultDateFormatter(isoDate: string): string {
  const time = Date.parse(isoDate);
  return Number.isNaN(time) ? isoDate : shortUtcDate.format(time);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A line chart of metrics over time, with an optional confidence band behind the first line, a
 * threshold line and vertical markers. Missing values leave gaps unless `connectNulls` is set.
 * With no data it shows only the message "No data for this period".
 */
export function LineChart<Row extends object>({
  data,
  index,
  categories,
  colors = DEFAULT_COLORS,
  valueFormatter = (value) => formatNumber(value),
  dateFormatter = defaultDateFormatter,
  band,
  reference,
  markers = [],
  yDomain,
  height = 300,
  width,
  connectNulls = false,
  label,
}: LineChartProps<Row>) {
  // Recharts types data keys against its row type; the props above already tie them to Row.
  const rows = [...data] as unknown as Record<string, unknown>[];
  const hasValue = (key: string) => rows.some((row) => isFiniteNumber(row[key]));
  const drawnCategories: string[] = categories.filter((category: string) => hasValue(category));
  if (drawnCategories.length === 0) {
    return (
      <div className="assay-chart assay-chart--empty" style={{ width: width ?? '100%', minHeight: height, display: 'grid', placeItems: 'center' }}>
        <p className="assay-chart__empty">{LINE_CHART_EMPTY_MESSAGE}</p>
      </div>
    );
  }
  const indexKey: string = index;
  const colorOf = (position: number) => colors[position % colors.length] ?? palette.grey;
  const series = categories.map((category: string, position) => ({
    category,
    color: colorOf(position),
    dash: DASHES[position % DASHES.length],
    symbol: SYMBOLS[position % SYMBOLS.length] ?? 'circle',
    drawn: drawnCategories.includes(category),
  }));
  const bandRange = band ? bandRangeOf(band.lower, band.upper) : undefined;
  const ticks = valueTicks(rows, [...drawnCategories, ...(band ? [band.lower, band.upper] : [])], reference?.value, yDomain);
  const showLegend = categories.length > 1 || band !== undefined || reference !== undefined;
  const formatTooltipValue = (value: unknown): string => {
    if (isFiniteNumber(value)) return valueFormatter(value);
    if (Array.isArray(value) && isFiniteNumber(value[0]) && isFiniteNumber(value[1])) {
      return `${valueFormatter(value[0])} – ${valueFormatter(value[1])}`;
    }
    return formatNumber(null);
  };
  const topMargin = markers.length > 0 ? 24 : 12;
  return (
    <div role="img" aria-label={label} className="assay-chart" style={{ width: width ?? '100%' }}>
      <SizedChart width={width} height={height}>
        <ComposedChart
          data={rows}
          margin={{ top: topMargin, right: 24, bottom: 8, left: 8 }}
          {...(width === undefined ? {} : { width, height })}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={indexKey} tickFormatter={(value: unknown) => dateFormatter(String(value))} tick={{ fontSize: 12, fill: AXIS_INK }} minTickGap={16} />
          <YAxis
            domain={yDomain ? [yDomain[0], yDomain[1]] : [ticks[0] ?? 'auto', ticks.at(-1) ?? 'auto']}
            ticks={ticks}
            interval={0}
            allowDataOverflow={yDomain !== undefined}
            tickFormatter={valueFormatter}
            tick={{ fontSize: 12, fill: AXIS_INK }}
            width={56}
          />
          <Tooltip labelFormatter={(value: unknown) => dateFormatter(String(value))} formatter={formatTooltipValue} />
          {band && bandRange ? (
            <Area
              dataKey={bandRange}
              name={band.label}
              type="linear"
              stroke="none"
              fill={colorOf(0)}
              fillOpacity={BAND_OPACITY}
              connectNulls={connectNulls}
              activeDot={false}
              legendType="none"
              isAnimationActive={false}
            />
          ) : null}
          {reference ? (
            // Labelled in the legend, not on the line: a label inside the plot would sit on the data wherever the line crosses it.
            <ReferenceLine y={reference.value} ifOverflow="extendDomain" stroke={palette.grey} strokeDasharray={REFERENCE_DASH} />
          ) : null}
          {markers.map((marker) => (
            <ReferenceLine
              key={`${marker.x} ${marker.label}`}
              x={marker.x}
              className="assay-chart__marker"
              stroke={palette.grey}
              strokeDasharray="2 2"
              label={{ value: marker.label, position: 'top', fill: AXIS_INK, fontSize: 11 }}
            />
          ))}
          {series
            .filter((line) => line.drawn)
            .map((line) => (
              <Line
                key={line.category}
                dataKey={line.category}
                type="linear"
                stroke={line.color}
                strokeWidth={2}
                {...(line.dash === undefined ? {} : { strokeDasharray: line.dash })}
                dot={{ symbol: line.symbol, r: 3.5, fill: line.color, strokeDasharray: '' }}
                activeDot={{ symbol: line.symbol, r: 5 }}
                connectNulls={connectNulls}
                isAnimationActive={false}
              />
            ))}
        </ComposedChart>
      </SizedChart>
      {showLegend ? <Legend series={series} band={band} reference={reference} /> : null}
    </div>
  );
}

/**
 * Round ticks for the value axis: covering every value of the drawn lines, the band and the
 * reference line, or within fixed bounds when the caller gives them.
 */
function valueTicks(rows: readonly Record<string, unknown>[], keys: readonly string[], reference: number | undefined, fixed: readonly [number, number] | undefined): number[] {
  if (fixed) return niceTicks(fixed[0], fixed[1]).filter((tick) => tick >= fixed[0] && tick <= fixed[1]);
  const values = rows.flatMap((row) => keys.map((key) => row[key]).filter(isFiniteNumber));
  if (reference !== undefined && Number.isFinite(reference)) values.push(reference);
  return niceTicks(Math.min(...values), Math.max(...values));
}

/**
 * A data key that reads a row's band as `[lower, upper]`, or `null` (a gap) when either bound is
 * missing, so rows without bounds break the band instead of dropping it to zero.
 */
function bandRangeOf(lower: string, upper: string) {
  return (row: Record<string, unknown>): [number, number] | null => {
    const low = row[lower];
    const high = row[upper];
    return isFiniteNumber(low) && isFiniteNumber(high) ? [low, high] : null;
  };
}

interface LegendSeries {
  category: string;
  color: string;
  dash: string | undefined;
  symbol: (typeof SYMBOLS)[number];
  drawn: boolean;
}

/** Legend keys drawn like the lines themselves: dash pattern, symbol and colour; the reference line last. */
function Legend({ series, band, reference }: { series: readonly LegendSeries[]; band: { label: string } | undefined; reference: LineChartReference | undefined }) {
  const swatchColor = series[0]?.color ?? palette.grey;
  return (
    <ul className="assay-chart__legend" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', margin: 0, padding: '4px 8px', fontSize: 12, color: AXIS_INK }}>
      {series.map((line) => (
        <li key={line.category} className="assay-chart__legend-item" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <svg width={28} height={12} aria-hidden="true">
            <line x1={1} y1={6} x2={27} y2={6} stroke={line.color} strokeWidth={2} strokeDasharray={line.dash} />
            <Symbols type={line.symbol} cx={14} cy={6} size={7} sizeType="diameter" fill={line.color} />
          </svg>
          {line.drawn ? line.category : `${line.category} (no data)`}
        </li>
      ))}
      {band ? (
        <li className="assay-chart__legend-item" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <svg width={28} height={12} aria-hidden="true">
            <rect x={1} y={1} width={26} height={10} fill={swatchColor} fillOpacity={BAND_OPACITY} />
          </svg>
          {band.label}
        </li>
      ) : null}
      {reference ? (
        <li className="assay-chart__legend-item assay-chart__legend-reference" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <svg width={28} height={12} aria-hidden="true">
            <line x1={1} y1={6} x2={27} y2={6} stroke={palette.grey} strokeWidth={1.5} strokeDasharray={REFERENCE_DASH} />
          </svg>
          {reference.label}
        </li>
      ) : null}
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
