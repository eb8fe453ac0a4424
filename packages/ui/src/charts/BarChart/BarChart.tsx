import type { ReactElement } from 'react';
import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceTicks } from '../../axis/nice-ticks.js';
import { formatNumber } from '../../format/format-number.js';
import { palette } from '../../palette.js';

export interface BarChartReference {
  value: number;
  label: string;
}

export interface BarChartProps<Row extends object> {
  /** One row per bar. */
  data: readonly Row[];
  /** The key of the label of each bar. */
  index: keyof Row & string;
  /** The key(s) of the values to draw; one bar series per key. */
  categories: readonly (keyof Row & string)[];
  /** One colour per category; ignored for bars that `colorOf` colours. */
  colors?: readonly string[];
  /** Colours a bar from its row (e.g. by risk level). */
  colorOf?: (row: Row) => string;
  valueFormatter?: (value: number) => string;
  /** `horizontal` draws bars across (labels on the left), suited to long labels. */
  layout?: 'horizontal' | 'vertical';
  /** Fixed upper bound of the value axis; defaults to the data's maximum. */
  maxValue?: number;
  /** A vertical or horizontal line at a value, such as a threshold or the risk appetite. */
  reference?: BarChartReference;
  /** Pixel height. */
  height?: number;
  /** Fixed pixel width (for print and tests); by default the width follows the container. */
  width?: number;
  /** Ticks between whole numbers, for shares and rates (default: whole numbers only). */
  allowDecimals?: boolean;
  /** Accessible name of the chart image. */
  label: string;
}

/** Value labels stay dark whatever the bar's colour, for contrast. */
const LABEL_INK = '#1c2330';

const DEFAULT_COLORS = [palette.blue, palette.orange, palette.bluishGreen, palette.reddishPurple];

/** A bar chart with value labels on each bar, so it reads without colour. */
export function BarChart<Row extends object>({
  data,
  index,
  categories,
  colors = DEFAULT_COLORS,
  colorOf,
  valueFormatter = (value) => formatNumber(value),
  layout = 'horizontal',
  maxValue,
  reference,
  height,
  width,
  allowDecimals = false,
  label,
}: BarChartProps<Row>) {
  const across = layout === 'horizontal';
  const chartHeight = height ?? (across ? Math.max(160, data.length * 34 + 60) : 300);
  // Recharts types data keys against its row type; the props above already tie them to Row.
  const rows = [...data] as unknown as Record<string, unknown>[];
  const ticks = valueTicks(rows, categories, reference?.value, maxValue, allowDecimals);
  const domain: [number, number | 'auto'] = [0, maxValue ?? ticks.at(-1) ?? 'auto'];
  const indexKey: string = index;
  return (
    <div role="img" aria-label={label} className="assay-chart" style={{ width: '100%', height: chartHeight }}>
      <SizedChart width={width} height={chartHeight}>
        <RechartsBarChart
          data={rows}
          layout={across ? 'vertical' : 'horizontal'}
          margin={{ top: reference ? 22 : 8, right: 56, bottom: 8, left: 8 }}
          {...(width === undefined ? {} : { width, height: chartHeight })}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!across} vertical={across} />
          {across ? (
            <>
              <XAxis type="number" domain={domain} ticks={ticks} interval={0} tickFormatter={valueFormatter} allowDecimals={allowDecimals} />
              <YAxis type="category" dataKey={indexKey} width={260} tick={{ fontSize: 12 }} interval={0} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey={indexKey} tick={{ fontSize: 12 }} interval={0} />
              <YAxis type="number" domain={domain} ticks={ticks} interval={0} tickFormatter={valueFormatter} allowDecimals={allowDecimals} />
            </>
          )}
          <Tooltip formatter={(value) => (typeof value === 'number' ? valueFormatter(value) : String(value))} />
          {reference ? (
            <ReferenceLine
              {...(across ? { x: reference.value } : { y: reference.value })}
              stroke={palette.grey}
              strokeDasharray="6 3"
              label={{ value: reference.label, position: across ? 'top' : 'right', fill: palette.grey, fontSize: 12 }}
            />
          ) : null}
          {categories.map((category: string, position) => (
            <Bar key={category} dataKey={category} fill={colors[position % colors.length]} isAnimationActive={false}>
              {colorOf ? data.map((row, rowIndex) => <Cell key={rowIndex} fill={colorOf(row)} />) : null}
              <LabelList dataKey={category} position={across ? 'right' : 'top'} fill={LABEL_INK} formatter={(value: unknown) => (typeof value === 'number' ? valueFormatter(value) : '')} />
            </Bar>
          ))}
        </RechartsBarChart>
      </SizedChart>
    </div>
  );
}

/**
 * Round ticks from 0 for the value axis: up to the fixed maximum (which stays the end of the axis,
 * so no tick passes it), or far enough to cover every bar and the reference line.
 */
function valueTicks(rows: readonly Record<string, unknown>[], categories: readonly string[], reference: number | undefined, maxValue: number | undefined, allowDecimals: boolean): number[] {
  if (maxValue !== undefined) return niceTicks(0, maxValue, { allowDecimals }).filter((tick) => tick >= 0 && tick <= maxValue);
  const values = rows.flatMap((row) => categories.map((category) => row[category]).filter((value): value is number => typeof value === 'number' && Number.isFinite(value)));
  return niceTicks(0, Math.max(0, reference ?? 0, ...values), { allowDecimals }).filter((tick) => tick >= 0);
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
