import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ROLE_LABELS } from '../features/auth/viewer.js';
import { RiskForm, valuesOf } from '../features/risks/RiskForm.js';
import {
  canEditRisks,
  CreateRiskMutation,
  RiskDetailQuery,
  RiskFormChoicesQuery,
  UpdateRiskMutation,
} from '../features/risks/register.js';
import type { PageProps } from '../routes.js';
import { Link, useNavigate } from '../router.js';

/** /risks/new creates a risk; /risks/:id/edit changes one, sending the version it was read at. */
export function RiskFormPage({ viewer, params }: PageProps) {
  const id = params.id;
  const navigate = useNavigate();
  const [choices, refetchChoices] = useQuery({ query: RiskFormChoicesQuery });
  const [current, refetchCurrent] = useQuery({ query: RiskDetailQuery, variables: { id: id ?? '' }, pause: id === undefined });
  const [, createRisk] = useMutation(CreateRiskMutation);
  const [, updateRisk] = useMutation(UpdateRiskMutation);
  const [reloaded, setReloaded] = useState(false);

  const title = id === undefined ? 'New risk' : 'Edit risk';
  if (!canEditRisks(viewer.role)) {
    return (
      <div className="assay-status">
        <h1 className="assay-page-title">{title}</h1>
        <p>The {ROLE_LABELS[viewer.role]} role reads the risk register but does not change it.</p>
        <Link to="/risks">Back to the risk register</Link>
      </div>
    );
  }
  const loading = (choices.fetching && !choices.data) || (id !== undefined && current.fetching && !current.data);
  if (loading) return <p className="assay-status" role="status">Loading the form…</p>;
  const failure = choices.error ?? current.error;
  if (failure) {
    return (
      <div className="assay-status" role="alert">
        <p>The form could not be loaded: {failure.message}</p>
        <button
          type="button"
          className="assay-button"
          onClick={() => {
            refetchChoices({ requestPolicy: 'network-only' });
            if (id !== undefined) refetchCurrent({ requestPolicy: 'network-only' });
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  if (!choices.data) return null;
  const risk = current.data?.risk ?? null;
  if (id !== undefined && !risk) {
    return (
      <div className="assay-status">
        <h1 className="assay-page-title">Risk not found</h1>
        <p>Your organisation has no risk with the id {id}.</p>
        <Link to="/risks">Back to the risk register</Link>
      </div>
    );
  }
  const back = risk ? `/risks/${encodeURIComponent(risk.id)}` : '/risks';
  return (
    <>
      <p className="assay-breadcrumb">
        <Link to="/risks">Risk register</Link>
        {risk ? (
          <>
            {' › '}
            <Link to={back}>{risk.title}</Link>
          </>
        ) : null}
      </p>
      <h1 className="assay-page-title">{title}</h1>
      {reloaded && risk ? (
        <p className="assay-notice" role="status">
          This is the latest version of the risk (version {risk.version}), with the other person's changes. Make your changes again and save.
        </p>
      ) : null}
      <RiskForm
        // A new version (after a reload) starts the form afresh from it.
        key={risk ? `${risk.id}@${risk.version}` : 'new'}
        initial={valuesOf(risk)}
        scale={choices.data.riskMatrix}
        aiSystems={choices.data.aiSystems.nodes}
        submitLabel={risk ? 'Save changes' : 'Create risk'}
        onCancel={() => navigate(back)}
        onSubmit={async (input) => {
          if (risk) {
            const result = await updateRisk({ id: risk.id, input: { ...input, expectedVersion: risk.version } });
            if (result.error || !result.data) return result.error;
            navigate(`/risks/${encodeURIComponent(result.data.updateRisk.id)}`);
            return undefined;
          }
          const result = await createRisk({ input });
          if (result.error || !result.data) return result.error;
          navigate(`/risks/${encodeURIComponent(result.data.createRisk.id)}`);
          return undefined;
        }}
        {...(risk
          ? {
              onReloadAfterConflict: () => {
                setReloaded(true);
                refetchCurrent({ requestPolicy: 'network-only' });
              },
            }
          : {})}
      />
    </>
  );
}
