import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { CombinedError } from 'urql';
import type { CreateRiskInput } from '../../gql/graphql.js';
import { fieldErrorsOf, isConflict, type RiskDetail, RISK_STATUSES, RISK_TREATMENTS, type RiskStatus, type RiskTreatment, STATUS_LABELS, TREATMENT_LABELS } from './register.js';
import type { RiskScale } from './risks.js';

/** The form's fields as typed: every value a string, '' for nothing chosen. */
export interface RiskFormValues {
  title: string;
  description: string;
  aiSystemId: string;
  likelihood: string;
  impact: string;
  residualLikelihood: string;
  residualImpact: string;
  status: string;
  treatment: string;
  owner: string;
  reviewDate: string;
  objective: string;
  source: string;
  controlIds: string;
}

export function valuesOf(risk: RiskDetail | null): RiskFormValues {
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    title: text(risk?.title),
    description: text(risk?.description),
    aiSystemId: text(risk?.aiSystem?.id),
    likelihood: text(risk?.likelihood),
    impact: text(risk?.impact),
    residualLikelihood: text(risk?.residualLikelihood),
    residualImpact: text(risk?.residualImpact),
    status: risk?.status ?? 'IDENTIFIED',
    treatment: text(risk?.treatment),
    owner: text(risk?.owner),
    reviewDate: text(risk?.reviewDate),
    objective: text(risk?.objective),
    source: text(risk?.source),
    controlIds: (risk?.controlIds ?? []).join(', '),
  };
}

/**
 * The input the API takes from the form. Ratings are sent as typed (the API says what is wrong
 * with them); the form asks for a likelihood and an impact before it sends anything. Blank
 * optional fields are sent as null, which clears them on an edit. The selects offer only the
 * schema's statuses and treatments.
 */
export function inputOf(values: RiskFormValues): CreateRiskInput {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const rating = (value: string) => (value.trim() === '' ? null : Number(value));
  return {
    title: values.title,
    description: optional(values.description),
    aiSystemId: optional(values.aiSystemId),
    likelihood: Number(values.likelihood),
    impact: Number(values.impact),
    residualLikelihood: rating(values.residualLikelihood),
    residualImpact: rating(values.residualImpact),
    status: values.status as RiskStatus,
    treatment: optional(values.treatment) as RiskTreatment | null,
    owner: optional(values.owner),
    reviewDate: optional(values.reviewDate),
    objective: optional(values.objective),
    source: optional(values.source),
    controlIds: values.controlIds
      .split(/[\s,;]+/)
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  };
}

const FIELD_ORDER: readonly (keyof RiskFormValues)[] = [
  'title',
  'description',
  'aiSystemId',
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
  'status',
  'treatment',
  'owner',
  'reviewDate',
  'objective',
  'source',
  'controlIds',
];

export interface RiskFormProps {
  initial: RiskFormValues;
  scale: RiskScale;
  aiSystems: { id: string; name: string }[];
  submitLabel: string;
  /** Sends the input; resolves with the API's error when it refused, or undefined when saved. */
  onSubmit: (input: CreateRiskInput) => Promise<CombinedError | undefined>;
  onCancel: () => void;
  /** Offered when the API reports that someone else changed the risk meanwhile. */
  onReloadAfterConflict?: () => void;
}

/**
 * Create or edit a risk. The API validates: its BAD_USER_INPUT messages show under the field
 * they name, and a CONFLICT (the risk changed since it was opened) is explained with a way to
 * load the latest version.
 */
export function RiskForm({ initial, scale, aiSystems, submitLabel, onSubmit, onCancel, onReloadAfterConflict }: RiskFormProps) {
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  // Ratings the API cannot even receive without (its input type requires them).
  const [missing, setMissing] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = { ...fieldErrorsOf(error), ...missing };
  const conflict = isConflict(error);
  const unplaced = Object.entries(fieldErrors).filter(([field]) => !FIELD_ORDER.includes(field as keyof RiskFormValues));
  const otherErrors = error && !conflict && Object.keys(fieldErrors).length === 0 ? [error.graphQLErrors[0]?.message ?? error.message] : [];

  // After a refusal, move the keyboard focus to the first field the API named, or to the message.
  useEffect(() => {
    if (!error && Object.keys(missing).length === 0) return;
    const first = FIELD_ORDER.find((field) => fieldErrors[field] !== undefined);
    const target = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : formRef.current?.querySelector<HTMLElement>('[data-form-problem]');
    target?.focus();
    // Only when a new refusal arrives (fieldErrors is derived from these two).
  }, [error, missing]);

  const set = (field: keyof RiskFormValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unrated: Record<string, string> = {};
    if (values.likelihood === '') unrated.likelihood = 'likelihood must be chosen';
    if (values.impact === '') unrated.impact = 'impact must be chosen';
    setMissing(unrated);
    if (Object.keys(unrated).length > 0) {
      setError(undefined);
      return;
    }
    setSaving(true);
    const refused = await onSubmit(inputOf(values));
    setSaving(false);
    setError(refused);
  };
  const field = (name: keyof RiskFormValues, label: string, control: (props: FieldProps) => ReactNode, hint?: string) => {
    const problem = fieldErrors[name];
    const describedBy = [hint ? `${name}-hint` : null, problem ? `${name}-error` : null].filter(Boolean).join(' ');
    return (
      <div className="assay-field">
        <label htmlFor={`risk-${name}`}>{label}</label>
        {control({ id: `risk-${name}`, name, value: values[name], onChange: set(name), 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy || undefined })}
        {hint ? (
          <p id={`${name}-hint`} className="assay-field__hint">
            {hint}
          </p>
        ) : null}
        {problem ? (
          <p id={`${name}-error`} className="assay-field__error">
            {inWords(problem, name, label)}
          </p>
        ) : null}
      </div>
    );
  };
  const scaleOptions = (levels: { value: number; label: string }[], blank: string) => (
    <>
      <option value="">{blank}</option>
      {levels.map((level) => (
        <option key={level.value} value={level.value}>
          {level.value}: {level.label}
        </option>
      ))}
    </>
  );

  return (
    <form ref={formRef} className="assay-form" onSubmit={submit} noValidate>
      {conflict ? (
        <div className="assay-problem" role="alert" data-form-problem tabIndex={-1}>
          <p>
            <strong>Someone else changed this risk after you opened it.</strong> Your changes were not saved, so that theirs are not overwritten.
          </p>
          {onReloadAfterConflict ? (
            <button type="button" className="assay-button" onClick={onReloadAfterConflict}>
              Load the latest version (your edits here are discarded)
            </button>
          ) : null}
        </div>
      ) : null}
      {otherErrors.length > 0 || unplaced.length > 0 ? (
        <div className="assay-problem" role="alert" data-form-problem tabIndex={-1}>
          <p>The risk was not saved:</p>
          <ul>
            {[...otherErrors, ...unplaced.map(([, message]) => message)].map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {Object.keys(fieldErrors).length > unplaced.length ? (
        <p className="assay-problem" role="alert">
          The risk was not saved: see the {Object.keys(fieldErrors).length - unplaced.length === 1 ? 'field' : 'fields'} marked below.
        </p>
      ) : null}
      <fieldset>
        <legend>The risk</legend>
        {field('title', 'Title', (props) => <input type="text" {...props} />)}
        {field('description', 'Description', (props) => <textarea rows={3} {...props} />)}
        {field('aiSystemId', 'AI system', (props) => (
          <select {...props}>
            <option value="">None (organisation-wide)</option>
            {aiSystems.map((system) => (
              <option key={system.id} value={system.id}>
                {system.name}
              </option>
            ))}
          </select>
        ))}
        {field('objective', 'Objective at risk (Annex C.2 key)', (props) => <input type="text" {...props} />, 'For example fairness, privacy or safety.')}
        {field('source', 'Risk source (Annex C.3 key)', (props) => <input type="text" {...props} />, 'For example machine-learning or level-of-automation.')}
      </fieldset>
      <fieldset>
        <legend>Rating</legend>
        <div className="assay-form__pair">
          {field('likelihood', 'Likelihood', (props) => <select {...props}>{scaleOptions(scale.likelihood, 'Choose…')}</select>)}
          {field('impact', 'Impact', (props) => <select {...props}>{scaleOptions(scale.impact, 'Choose…')}</select>)}
        </div>
        <div className="assay-form__pair">
          {field('residualLikelihood', 'Residual likelihood', (props) => <select {...props}>{scaleOptions(scale.likelihood, 'Not rated')}</select>)}
          {field('residualImpact', 'Residual impact', (props) => <select {...props}>{scaleOptions(scale.impact, 'Not rated')}</select>)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Handling</legend>
        <div className="assay-form__pair">
          {field('status', 'Status', (props) => (
            <select {...props}>
              {RISK_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          ))}
          {field('treatment', 'Treatment', (props) => (
            <select {...props}>
              <option value="">Not decided</option>
              {RISK_TREATMENTS.map((treatment) => (
                <option key={treatment} value={treatment}>
                  {TREATMENT_LABELS[treatment]}
                </option>
              ))}
            </select>
          ))}
        </div>
        <div className="assay-form__pair">
          {field('owner', 'Owner', (props) => <input type="text" {...props} />)}
          {field('reviewDate', 'Next review', (props) => <input type="date" {...props} />)}
        </div>
        {field('controlIds', 'Linked Annex A controls', (props) => <input type="text" {...props} />, 'Control ids separated by commas, e.g. A.5.4, A.6.2.6.')}
      </fieldset>
      <div className="assay-form__actions">
        <button type="submit" className="assay-button" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="assay-button assay-button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The API's message starts with the input's field name (residualLikelihood …): say the label instead. */
function inWords(message: string, field: string, label: string): string {
  return message.startsWith(`${field} `) ? `${label}${message.slice(field.length)}` : message;
}

interface FieldProps {
  id: string;
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
