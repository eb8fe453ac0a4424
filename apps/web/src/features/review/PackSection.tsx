import { type ReactNode, useId } from 'react';
import type { ReviewPack } from './review-pack.js';

/** Where the pack's query stands, shared by every section of the page. */
export interface PackState {
  pack: ReviewPack | undefined;
  fetching: boolean;
  error: { message: string } | undefined;
}

export interface PackSectionProps {
  title: string;
  state: PackState;
  /** True when the pack holds nothing for this section. */
  isEmpty: (pack: ReviewPack) => boolean;
  /** What to say when the section is empty. */
  empty: (pack: ReviewPack) => string;
  /** The section's content, once the pack is there and holds something for it. */
  children: (pack: ReviewPack) => ReactNode;
  /** Subsections take a level-3 heading. */
  level?: 2 | 3;
}

/** A titled section of the review pack that says so while loading, on failure and when empty. */
export function PackSection({ title, state, isEmpty, empty, children, level = 2 }: PackSectionProps) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={level === 2 ? 'assay-card assay-review__section' : 'assay-review__subsection'} aria-labelledby={headingId}>
      <Heading id={headingId} className="assay-review__heading">{title}</Heading>
      <SectionBody state={state} isEmpty={isEmpty} empty={empty}>{children}</SectionBody>
    </section>
  );
}

function SectionBody({ state, isEmpty, empty, children }: Pick<PackSectionProps, 'state' | 'isEmpty' | 'empty' | 'children'>) {
  const { pack, fetching, error } = state;
  if (fetching && !pack) return <p className="assay-muted" role="status">Loading…</p>;
  if (error || !pack) return <p className="assay-error" role="alert">This section could not be compiled: {error?.message ?? 'no data'}</p>;
  if (isEmpty(pack)) return <p className="assay-muted assay-review__empty">{empty(pack)}</p>;
  return <>{children(pack)}</>;
}

/** A short list of labelled figures. */
export function Figures({ items, label }: { items: readonly { label: string; value: string }[]; label: string }) {
  return (
    <dl className="assay-figures" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className="assay-figures__item">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
