import { useId } from 'react';
import { useQuery } from 'urql';
import { FairnessTrendCard } from '../fairness/FairnessOverTime.js';
import { FairnessReportCard } from './FairnessReportCard.js';
import { reportSettings, SystemFairnessQuery } from './system-fairness.js';

/** An AI system's fairness: a report per monitored attribute, then each threshold's metric over time. */
export function SystemFairness({ aiSystemId, systemName }: { aiSystemId: string; systemName: string }) {
  const [{ data, fetching, error }] = useQuery({ query: SystemFairnessQuery, variables: { aiSystemId } });
  const reportHeading = useId();
  const trendHeading = useId();

  if (fetching && !data) return <p className="assay-status" role="status">Loading the fairness monitoring of {systemName}…</p>;
  if (error || !data) return <p className="assay-status" role="alert">The fairness monitoring of {systemName} could not be loaded: {error?.message ?? 'no data'}</p>;
  const { fairnessAttributes: attributes, fairnessThresholds: thresholds } = data;
  return (
    <>
      <section className="assay-section" aria-labelledby={reportHeading}>
        <h2 id={reportHeading}>Fairness by group</h2>
        {attributes.length === 0 ? (
          <p className="assay-empty">No prediction log has been imported for {systemName}, so there is no fairness report.</p>
        ) : (
          <div className="assay-grid">
            {attributes.map((attribute) => (
              <FairnessReportCard key={attribute.attribute} aiSystemId={aiSystemId} systemName={systemName} attribute={attribute} settings={reportSettings(attribute, thresholds)} />
            ))}
          </div>
        )}
      </section>
      <section className="assay-section" aria-labelledby={trendHeading}>
        <h2 id={trendHeading}>Fairness over time</h2>
        {thresholds.length === 0 ? (
          <p className="assay-empty">No fairness threshold is set for {systemName}, so no metric is followed over time.</p>
        ) : (
          <div className="assay-grid">
            {thresholds.map((threshold) => (
              <FairnessTrendCard key={threshold.id} threshold={threshold} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
