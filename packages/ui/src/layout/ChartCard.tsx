import { type ReactNode, useId, useState } from 'react';

export interface ChartCardProps {
  title: string;
  description?: string;
  /** The chart. */
  children: ReactNode;
  /** The same data as a table: shown on request, and always available to screen readers. */
  table: ReactNode;
}

/**
 * A titled panel around a chart, with a button that swaps the chart for its table. The table
 * stays in the accessibility tree while the chart shows, so screen readers get the numbers.
 */
export function ChartCard({ title, description, children, table }: ChartCardProps) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  return (
    <section className="assay-card" aria-labelledby={headingId}>
      <header className="assay-card__header">
        <div>
          <h2 id={headingId} className="assay-card__title">{title}</h2>
          {description ? <p className="assay-card__description">{description}</p> : null}
        </div>
        <button type="button" className="assay-card__toggle" aria-pressed={showTable} onClick={() => setShowTable((shown) => !shown)}>
          {showTable ? 'Show chart' : 'Show table'}
        </button>
      </header>
      <div aria-hidden={showTable ? true : undefined} hidden={showTable}>{children}</div>
      <div className={showTable ? undefined : 'assay-visually-hidden'}>{table}</div>
    </section>
  );
}
