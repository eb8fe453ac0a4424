import { useEffect } from 'react';
import { useQuery } from 'urql';
import type { Viewer } from '../features/auth/viewer.js';
import type { PackState } from '../features/review/PackSection.js';
import { ManagementReviewPackQuery, type ReviewPack } from '../features/review/review-pack.js';
import {
  CertificationOutlookSection,
  ContextIssuesSection,
  InterestedPartiesSection,
  OpportunitiesSection,
  PerformanceSection,
  PreviousActionsSection,
  RiskMovementSection,
} from '../features/review/ReviewSections.js';
import { formatDate } from '../format/format-date.js';

/**
 * The management review pack: the inputs of ISO/IEC 42001 clause 9.3.2, (a) to (e), then the
 * risk movement and the certification outlook, laid out to print as a clean PDF.
 */
export function ReviewPage({ viewer }: { viewer: Viewer }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ManagementReviewPackQuery });
  const pack = data?.managementReviewPack;
  const state: PackState = { pack, fetching, error };
  const organisation = pack?.organisation;
  const asOf = pack?.asOf;
  // The browser offers the title as the PDF's file name when printing.
  useEffect(() => {
    if (!organisation || !asOf) return undefined;
    const previous = document.title;
    document.title = `Management review pack, ${organisation}, ${asOf}`;
    return () => {
      document.title = previous;
    };
  }, [organisation, asOf]);
  return (
    <article className="assay-review">
      <header className="assay-review__header">
        <div>
          <h1 className="assay-page-title">Management review pack: {pack?.organisation ?? viewer.organisation.name}</h1>
          <ReviewPeriod pack={pack} />
        </div>
        <div className="assay-review__actions">
          {error ? (
            <button type="button" className="assay-button assay-button--quiet" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          ) : null}
          <button type="button" className="assay-button" disabled={!pack} onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </header>
      <PreviousActionsSection state={state} />
      <ContextIssuesSection state={state} />
      <InterestedPartiesSection state={state} />
      <PerformanceSection state={state} />
      <OpportunitiesSection state={state} />
      <RiskMovementSection state={state} />
      <CertificationOutlookSection state={state} />
    </article>
  );
}

function ReviewPeriod({ pack }: { pack: ReviewPack | undefined }) {
  if (!pack) return <p className="assay-muted">Inputs to the management review (ISO/IEC 42001 clause 9.3.2).</p>;
  const since = pack.lastReview
    ? `the last management review, held on ${formatDate(pack.lastReview.heldOn)}`
    : `${formatDate(pack.since)} (no earlier management review is recorded, so the pack covers a year)`;
  return (
    <p className="assay-muted">
      Inputs to the management review (ISO/IEC 42001 clause 9.3.2) as of <time dateTime={pack.asOf}>{formatDate(pack.asOf)}</time>, covering the records since {since}.
    </p>
  );
}
