import { formatNumber, riskLevelColors } from '@assay/ui';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import {
  canEditRisks,
  type RegisterChoicesData,
  RegisterChoicesQuery,
  RISK_STATUSES,
  type RiskFilter,
  type RiskOrderField,
  type RiskRegisterData,
  RiskRegisterQuery,
  type RiskStatus,
  type SortDirection,
  STATUS_LABELS,
} from '../features/risks/register.js';
import { formatDate } from '../format/format-date.js';
import type { PageProps } from '../routes.js';
import { Link } from '../router.js';

/** Rows per page of the register. */
export const REGISTER_PAGE_SIZE = 10;
/** How long the search box waits after the last keystroke before asking the API. */
const SEARCH_PAUSE_MS = 300;

interface Filters {
  search: string;
  level: string;
  status: RiskStatus | '';
  aiSystemId: string;
  appetite: '' | 'within' | 'above';
  reviewOverdue: boolean;
}

const NO_FILTERS: Filters = { search: '', level: '', status: '', aiSystemId: '', appetite: '', reviewOverdue: false };

/** The API's filter for the controls' values; an empty control adds no condition. */
function filterOf(filters: Filters): RiskFilter {
  const filter: RiskFilter = {};
  const search = filters.search.trim();
  if (search !== '') filter.search = search;
  if (filters.level !== '') filter.level = [filters.level];
  if (filters.status !== '') filter.status = [filters.status];
  if (filters.aiSystemId !== '') filter.aiSystemId = filters.aiSystemId;
  if (filters.appetite !== '') filter.withinAppetite = filters.appetite === 'within';
  if (filters.reviewOverdue) filter.reviewOverdue = true;
  return filter;
}

interface Sort {
  field: RiskOrderField;
  direction: SortDirection;
}

/** The API's default order: highest score first. */
const DEFAULT_SORT: Sort = { field: 'SCORE', direction: 'DESC' };

/** The risk register: filters, search, sortable columns, and one page at a time. */
export function RiskRegisterPage({ viewer }: PageProps) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  // The cursors of the pages before this one: `after` of page n is cursors[n - 1].
  const [cursors, setCursors] = useState<(string | null)[]>([]);

  const change = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setCursors([]);
  };
  // Typing waits for a pause; the other controls apply at once. Either starts at page one.
  const appliedSearch = filters.search;
  useEffect(() => {
    if (search === appliedSearch) return undefined;
    const timer = setTimeout(() => {
      setFilters((current) => ({ ...current, search }));
      setCursors([]);
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, appliedSearch]);
  const sortBy = (field: RiskOrderField) => {
    setSort((current) => (current.field === field ? { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' } : { field, direction: field === 'SCORE' || field === 'RESIDUAL_SCORE' ? 'DESC' : 'ASC' }));
    setCursors([]);
  };

  const variables = useMemo(
    () => ({ first: REGISTER_PAGE_SIZE, after: cursors.at(-1) ?? null, filter: filterOf(filters), orderBy: sort }),
    [cursors, filters, sort],
  );
  const [{ data, fetching, error, operation }, refetch] = useQuery<RiskRegisterData>({ query: RiskRegisterQuery, variables });
  // The page on screen belongs to the cursor asked for only once its answer is in: until then the
  // pager stays still, so a quick second click cannot page on from a stale end cursor.
  const settled = !fetching && ((operation?.variables as { after?: string | null } | undefined)?.after ?? null) === variables.after;
  const [choices] = useQuery<RegisterChoicesData>({ query: RegisterChoicesQuery });
  const page = data?.risks;
  const filtered = JSON.stringify(filterOf(filters)) !== '{}' || search.trim() !== '';

  return (
    <>
      <div className="assay-page-header">
        <h1 className="assay-page-title">Risk register</h1>
        {canEditRisks(viewer.role) ? (
          <Link to="/risks/new" className="assay-button">
            New risk
          </Link>
        ) : null}
      </div>
      <form className="assay-filters" aria-label="Filter the risk register" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Title, description or owner" />
        </label>
        <label>
          Level
          <select value={filters.level} onChange={(event) => change({ level: event.target.value })}>
            <option value="">Any level</option>
            {(choices.data?.riskMatrix.bands ?? []).map((band) => (
              <option key={band.level} value={band.level}>
                {band.level}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filters.status} onChange={(event) => change({ status: event.target.value as RiskStatus | '' })}>
            <option value="">Any status</option>
            {RISK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          AI system
          <select value={filters.aiSystemId} onChange={(event) => change({ aiSystemId: event.target.value })}>
            <option value="">Any AI system</option>
            {(choices.data?.aiSystems.nodes ?? []).map((system) => (
              <option key={system.id} value={system.id}>
                {system.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Appetite
          <select value={filters.appetite} onChange={(event) => change({ appetite: event.target.value as Filters['appetite'] })}>
            <option value="">Within or above</option>
            <option value="within">Within appetite</option>
            <option value="above">Above appetite</option>
          </select>
        </label>
        <label className="assay-filters__check">
          <input type="checkbox" checked={filters.reviewOverdue} onChange={(event) => change({ reviewOverdue: event.target.checked })} />
          Review overdue
        </label>
        {filtered ? (
          <button
            type="button"
            className="assay-button assay-button--quiet"
            onClick={() => {
              setSearch('');
              change(NO_FILTERS);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </form>
      <RegisterBody
        fetching={fetching && !page}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        empty={page?.totalCount === 0 ? (filtered ? 'No risk matches these filters.' : 'No risks recorded yet.') : null}
      >
        {page ? (
          <>
            <p className="assay-muted" aria-live="polite" data-testid="register-count">
              {settled ? rangeText(cursors.length, page.nodes.length, page.totalCount) : 'Loading…'}
            </p>
            <table className="assay-table assay-register" aria-label="Risks" aria-busy={fetching || undefined}>
              <thead>
                <tr>
                  <SortableHeader field="TITLE" sort={sort} onSort={sortBy}>Risk</SortableHeader>
                  <th scope="col">AI system</th>
                  <SortableHeader field="OWNER" sort={sort} onSort={sortBy}>Owner</SortableHeader>
                  <SortableHeader field="STATUS" sort={sort} onSort={sortBy}>Status</SortableHeader>
                  <SortableHeader field="SCORE" sort={sort} onSort={sortBy} numeric>Inherent</SortableHeader>
                  <SortableHeader field="RESIDUAL_SCORE" sort={sort} onSort={sortBy} numeric>Residual</SortableHeader>
                  <SortableHeader field="REVIEW_DATE" sort={sort} onSort={sortBy}>Review</SortableHeader>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((risk) => (
                  <tr key={risk.id}>
                    <th scope="row">
                      <Link to={`/risks/${encodeURIComponent(risk.id)}`}>{risk.title}</Link>
                    </th>
                    <td>{risk.aiSystem?.name ?? '–'}</td>
                    <td>{risk.owner ?? '–'}</td>
                    <td>{STATUS_LABELS[risk.status] ?? risk.status}</td>
                    <td className="assay-number">
                      <ScoreBadge score={risk.score} level={risk.level} />
                    </td>
                    <td className="assay-number">{risk.residualScore === null ? '–' : <ScoreBadge score={risk.residualScore} level={risk.residualLevel ?? ''} />}</td>
                    <td>{formatDate(risk.reviewDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="assay-pager" aria-label="Pages of the register">
              <button type="button" className="assay-button assay-button--quiet" disabled={!settled || cursors.length === 0} onClick={() => setCursors((current) => current.slice(0, -1))}>
                Previous page
              </button>
              <span>
                Page {formatNumber(cursors.length + 1)} of {formatNumber(Math.max(1, Math.ceil(page.totalCount / REGISTER_PAGE_SIZE)))}
              </span>
              <button
                type="button"
                className="assay-button assay-button--quiet"
                disabled={!settled || !page.pageInfo.hasNextPage}
                onClick={() => setCursors((current) => [...current, page.pageInfo.endCursor])}
              >
                Next page
              </button>
            </nav>
          </>
        ) : null}
      </RegisterBody>
    </>
  );
}

/** "Risks 11–13 of 13", formatted for the locale. */
function rangeText(pagesBefore: number, shown: number, total: number): string {
  const first = pagesBefore * REGISTER_PAGE_SIZE + 1;
  const noun = total === 1 ? 'risk' : 'risks';
  return `${formatNumber(first)}–${formatNumber(first + shown - 1)} of ${formatNumber(total)} ${noun}`;
}

function RegisterBody({ fetching, error, onRetry, empty, children }: { fetching: boolean; error: { message: string } | undefined; onRetry: () => void; empty: string | null; children: ReactNode }) {
  if (fetching) return <p className="assay-status" role="status">Loading the risk register…</p>;
  if (error) {
    return (
      <div className="assay-status" role="alert">
        <p>The risk register could not be loaded: {error.message}</p>
        <button type="button" className="assay-button" onClick={onRetry}>Try again</button>
      </div>
    );
  }
  if (empty !== null) return <p className="assay-empty">{empty}</p>;
  return <>{children}</>;
}

function SortableHeader({ field, sort, onSort, numeric = false, children }: { field: RiskOrderField; sort: Sort; onSort: (field: RiskOrderField) => void; numeric?: boolean; children: string }) {
  const active = sort.field === field;
  const direction = sort.direction === 'ASC' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={active ? direction : undefined} className={numeric ? 'assay-number' : undefined}>
      <button type="button" className="assay-sort" onClick={() => onSort(field)}>
        {children}
        <span aria-hidden="true" className="assay-sort__arrow">{active ? (sort.direction === 'ASC' ? '▲' : '▼') : '↕'}</span>
        <span className="assay-visually-hidden">{active ? `, sorted ${direction}; sort the other way` : ', sort by this column'}</span>
      </button>
    </th>
  );
}

/** A score with its level, marked by a swatch of the level's colour (the text says the level too). */
export function ScoreBadge({ score, level }: { score: number; level: string }) {
  return (
    <span className="assay-score">
      <span className="assay-legend__swatch" style={{ background: riskLevelColors[level] ?? '#6B6B6B' }} aria-hidden="true" />
      {formatNumber(score)} <span className="assay-muted">{level}</span>
    </span>
  );
}
