import { formatNumber } from '@assay/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { AiSystemInventoryQuery, highestRisk, LIFE_CYCLE_LABELS, TIER_LABELS, TIER_ORDER } from '../features/ai-systems/ai-systems.js';
import { TierBadge } from '../features/ai-systems/TierBadge.js';
import { Link } from '../features/navigation/Link.js';
import './screens.css';

/** The AI system inventory: each system with its EU AI Act tier, life-cycle stage, owner and risks. */
export function AiSystemsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AiSystemInventoryQuery });
  const systems = useMemo(
    () => [...(data?.aiSystems.nodes ?? [])].sort((a, b) => TIER_ORDER.indexOf(a.euAiActTier) - TIER_ORDER.indexOf(b.euAiActTier) || a.name.localeCompare(b.name)),
    [data],
  );

  if (fetching && !data) return <p className="assay-status" role="status">Loading the AI system inventory…</p>;
  if (error || !data) {
    return (
      <div className="assay-status" role="alert">
        <p>The AI system inventory could not be loaded: {error?.message ?? 'no data'}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  return (
    <>
      <h1 className="assay-page-title">AI systems</h1>
      {systems.length === 0 ? (
        <p className="assay-empty">No AI system is recorded yet.</p>
      ) : (
        <section className="assay-card" aria-label="AI system inventory">
          <p className="assay-card__description">{tierSummary(systems.map((system) => system.euAiActTier), data.aiSystems.totalCount)}</p>
          <table className="assay-table" aria-label="AI system inventory">
            <thead>
              <tr>
                <th scope="col">AI system</th>
                <th scope="col">EU AI Act tier</th>
                <th scope="col">Life-cycle stage</th>
                <th scope="col">Owner</th>
                <th scope="col">Risks</th>
                <th scope="col">Highest risk</th>
              </tr>
            </thead>
            <tbody>
              {systems.map((system) => {
                const highest = highestRisk(system.risks);
                return (
                  <tr key={system.id}>
                    <th scope="row">
                      <Link to={`/ai-systems/${encodeURIComponent(system.id)}`}>{system.name}</Link>
                    </th>
                    <td>
                      <TierBadge tier={system.euAiActTier} />
                    </td>
                    <td>{LIFE_CYCLE_LABELS[system.lifeCycleStage]}</td>
                    <td>{system.owner ?? '–'}</td>
                    <td>{formatNumber(system.risks.length)}</td>
                    <td>{highest ? `${highest.level} (score ${formatNumber(highest.score)})` : 'None recorded'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** "5 AI systems: High risk 2, Limited risk (transparency) 1, Minimal risk 2." */
function tierSummary(tiers: readonly (keyof typeof TIER_LABELS)[], total: number): string {
  const counts = TIER_ORDER.map((tier) => ({ tier, count: tiers.filter((candidate) => candidate === tier).length })).filter((entry) => entry.count > 0);
  const listed = counts.map((entry) => `${TIER_LABELS[entry.tier]} ${formatNumber(entry.count)}`).join(', ');
  const shown = tiers.length < total ? ` (the first ${formatNumber(tiers.length)} shown)` : '';
  return `${formatNumber(total)} AI system${total === 1 ? '' : 's'}${shown}: ${listed}.`;
}
