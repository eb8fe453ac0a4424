import { riskExposure } from '@assay/risk-engine';
import { formatNumber } from '@assay/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { Viewer } from '../features/auth/viewer.js';
import { RiskScoreChart } from '../features/risks/RiskScoreChart.js';
import { ControlProgressChart } from '../features/soa/ControlProgressChart.js';
import { matrixFrom, type RiskOverviewData, RiskOverviewQuery } from '../features/risks/risks.js';

/** The management-review overview: headline figures and the risk chart. */
export function OverviewPage({ viewer }: { viewer: Viewer }) {
  const [{ data, fetching, error }, refetch] = useQuery<RiskOverviewData>({ query: RiskOverviewQuery });
  const exposure = useMemo(() => (data ? riskExposure(data.risks, matrixFrom(data.riskMatrix)) : null), [data]);

  if (fetching && !data) return <p className="assay-status" role="status">Loading the risk register…</p>;
  if (error || !data || !exposure) {
    return (
      <div className="assay-status" role="alert">
        <p>The risk register could not be loaded: {error?.message ?? 'no data'}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  const count = (level: string) => exposure.byLevel.find((entry) => entry.level === level)?.count ?? 0;
  return (
    <>
      <h1 className="assay-page-title">Overview of {viewer.organisation.name}</h1>
      <section className="assay-tiles" aria-label="Headline figures">
        <Tile label="Risks in the register" value={formatNumber(exposure.total)} />
        <Tile label="High and critical risks" value={formatNumber(count('High') + count('Critical'))} />
        <Tile label="Above risk appetite" value={formatNumber(exposure.aboveAppetite)} />
        <Tile label="Mean inherent score" value={formatNumber(exposure.meanScore, { maximumFractionDigits: 1 })} />
      </section>
      <div className="assay-grid">
        <RiskScoreChart risks={data.risks} matrix={data.riskMatrix} />
        <ControlProgressChart />
      </div>
    </>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="assay-tile">
      <div className="assay-tile__value">{value}</div>
      <div className="assay-tile__label">{label}</div>
    </div>
  );
}
