import { formatNumber, riskLevelColors } from '@assay/ui';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import {
  canEditRisks,
  type RegisterChoicesData,
  RegisterChoicesQuery,
  RISK_STATUSES,
  type RiskOrderField,
  type RiskRegisterData,
  RiskRegisterQuery,
  type RiskStatus,
  STATUS_LABELS,
} from '../features/risks/register.js';
import {
  EMPTY_REGISTER_VIEW,
  OPEN_STATUSES,
  parseRegisterView,
  type RegisterSort,
  type RegisterView,
  registerFilter,
  registerQueryString,
  withKnownChoices,
} from '../features/risks/register-url.js';
import { formatDate } from '../format/format-date.js';
import type { PageProps } from '../routes.js';
import { Link, type NavigateOptions, useLocation, useNavigate } from '../router.js';

/** Rows per page of the register. */
export const REGISTER_PAGE_SIZE = 10;
/** How long the search box waits after the last keystroke before asking the API. */
const SEARCH_PAUSE_MS = 300;

/**
 * What a history entry of the register keeps beside its address: the cursors of the pages between
 * the first and the one shown, so "Previous page" can go back one page at a time. A shared link
 * has none; its pager offers the first page instead.
 */
interface RegisterHistoryState {
  registerCursors: string[];
}

function earlierCursors(state: unknown, view: RegisterView): string[] | null {
  if (view.page === null) return [];
  const cursors = (state as Partial<RegisterHistoryState> | null)?.registerCursors;
  const valid = Array.isArray(cursors) && cursors.length === view.page.number - 2 && cursors.every((cursor) => typeof cursor === 'string');
  return valid ? cursors : null;
}

/**
 * The risk register: filters, search, sortable columns, and one page at a time. The view lives in
 * the address (see register-url.ts), so a link shares it, a reload keeps it and the back button
 * returns to the previous one.
 */
export function RiskRegisterPage({ viewer }: PageProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [choices] = useQuery<RegisterChoicesData>({ query: RegisterChoicesQuery });
  const asked = useMemo(() => parseRegisterView(location.search), [location.search]);
  // Levels and AI systems are the organisation's own: they are checked once its choices are in.
  const view = useMemo(
    () => (choices.data ? withKnownChoices(asked, { levels: choices.data.riskMatrix.bands.map((band) => band.level), aiSystemIds: choices.data.aiSystems.nodes.map((system) => system.id) }) : asked),
    [asked, choices.data],
  );
  const waitingForChoices = !choices.data && !choices.error && (asked.levels.length > 0 || asked.aiSystemId !== null);
  const cursors = earlierCursors(location.state, view);

  const show = (next: RegisterView, options: NavigateOptions = {}) => navigate(`/risks${registerQueryString(next)}`, options);
  // Any change of filter or order starts again at the first page.
  const change = (next: Partial<RegisterView>) => show({ ...view, ...next, page: null });

  // An address that said more than the register can show (an unknown level, a malformed sort)
  // is rewritten to what is shown, in place.
  const canonical = registerQueryString(view);
  useEffect(() => {
    if (!waitingForChoices && canonical !== location.search) navigate(`/risks${canonical}`, { replace: true, state: location.state });
  }, [canonical, location.search, location.state, navigate, waitingForChoices]);

  const [search, setSearch] = useState(view.search);
  // The box follows the address when it changes from outside: back, forward, "Clear filters".
  const [followedSearch, setFollowedSearch] = useState(view.search);
  if (followedSearch !== view.search) {
    setFollowedSearch(view.search);
    if (search.trim() !== view.search) setSearch(view.search);
  }
  // Typing waits for a pause. The first pause of a search adds a history entry; later ones
  // replace it, so the back button does not step through every word typed.
  const typedEntry = useRef<string | null>(null);
  const appliedSearch = view.search;
  useEffect(() => {
    if (search.trim() === appliedSearch) return undefined;
    const timer = setTimeout(() => {
      const next = `/risks${registerQueryString({ ...view, search: search.trim(), page: null })}`;
      const stillTyping = typedEntry.current === location.search;
      typedEntry.current = next.slice('/risks'.length);
      navigate(next, { replace: stillTyping });
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, appliedSearch, view, location.search, navigate]);

  const sortBy = (field: RiskOrderField) => {
    const current = view.sort;
    change({ sort: current.field === field ? { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' } : { field, direction: field === 'SCORE' || field === 'RESIDUAL_SCORE' ? 'DESC' : 'ASC' } });
  };

  const after = view.page?.after ?? null;
  const filter = useMemo(() => registerFilter(view), [view]);
  const variables = useMemo(() => ({ first: REGISTER_PAGE_SIZE, after, filter, orderBy: view.sort }), [after, filter, view.sort]);
  const [{ data, fetching, error, operation }, refetch] = useQuery<RiskRegisterData>({ query: RiskRegisterQuery, variables, pause: waitingForChoices });
  // A cursor the API refuses (edited by hand, or from an older version) means the first page.
  const badCursor = after !== null && refusedCursor(error);
  useEffect(() => {
    if (badCursor) navigate(`/risks${registerQueryString({ ...view, page: null })}`, { replace: true });
  }, [badCursor, view, navigate]);
  // The page on screen belongs to the cursor asked for only once its answer is in: until then the
  // pager stays still, so a quick second click cannot page on from a stale end cursor.
  const settled = !fetching && ((operation?.variables as { after?: string | null } | undefined)?.after ?? null) === variables.after;
  const page = data?.risks;
  const pageNumber = view.page?.number ?? 1;
  const filtered = JSON.stringify(filter) !== '{}' || search.trim() !== '';

  const nextPage = (endCursor: string) => {
    const trail = cursors === null ? null : [...cursors, ...(after === null ? [] : [after])];
    show({ ...view, page: { number: pageNumber + 1, after: endCursor } }, trail === null ? {} : { state: { registerCursors: trail } satisfies RegisterHistoryState });
  };
  const previousPage = () => {
    if (cursors === null) return;
    const previous = cursors.at(-1);
    if (pageNumber <= 2 || previous === undefined) show({ ...view, page: null });
    else show({ ...view, page: { number: pageNumber - 1, after: previous } }, { state: { registerCursors: cursors.slice(0, -1) } satisfies RegisterHistoryState });
  };

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
          <select value={view.levels.join(',')} onChange={(event) => change({ levels: listValue(event.target.value) })}>
            <option value="">Any level</option>
            {(choices.data?.riskMatrix.bands ?? []).map((band) => (
              <option key={band.level} value={band.level}>
                {band.level}
              </option>
            ))}
            {view.levels.length > 1 ? <option value={view.levels.join(',')}>{inWords(view.levels)}</option> : null}
          </select>
        </label>
        <label>
          Status
          <select value={view.statuses.join(',')} onChange={(event) => change({ statuses: listValue(event.target.value) as RiskStatus[] })}>
            <option value="">Any status</option>
            <option value={OPEN_STATUSES.join(',')}>Open (any but closed)</option>
            {RISK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
            {view.statuses.length > 1 && view.statuses.join(',') !== OPEN_STATUSES.join(',') ? (
              <option value={view.statuses.join(',')}>{inWords(view.statuses.map((status) => STATUS_LABELS[status]))}</option>
            ) : null}
          </select>
        </label>
        <label>
          AI system
          <select value={view.aiSystemId ?? ''} onChange={(event) => change({ aiSystemId: event.target.value === '' ? null : event.target.value })}>
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
          <select value={view.appetite ?? ''} onChange={(event) => change({ appetite: event.target.value === 'within' || event.target.value === 'above' ? event.target.value : null })}>
            <option value="">Within or above</option>
            <option value="within">Within appetite</option>
            <option value="above">Above appetite</option>
          </select>
        </label>
        <label className="assay-filters__check">
          <input type="checkbox" checked={view.reviewOverdue} onChange={(event) => change({ reviewOverdue: event.target.checked })} />
          Review overdue
        </label>
        {filtered ? (
          <button
            type="button"
            className="assay-button assay-button--quiet"
            onClick={() => {
              setSearch('');
              show({ ...EMPTY_REGISTER_VIEW, sort: view.sort });
            }}
          >
            Clear filters
          </button>
        ) : null}
      </form>
      <RegisterBody
        fetching={(fetching || waitingForChoices) && !page}
        error={badCursor ? undefined : error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        empty={page?.totalCount === 0 ? (filtered ? 'No risk matches these filters.' : 'No risks recorded yet.') : null}
      >
        {page ? (
          <>
            <p className="assay-muted" aria-live="polite" data-testid="register-count">
              {settled ? rangeText(pageNumber - 1, page.nodes.length, page.totalCount) : 'Loading…'}
            </p>
            <table className="assay-table assay-register" aria-label="Risks" aria-busy={fetching || undefined}>
              <thead>
                <tr>
                  <SortableHeader field="TITLE" sort={view.sort} onSort={sortBy}>Risk</SortableHeader>
                  <th scope="col">AI system</th>
                  <SortableHeader field="OWNER" sort={view.sort} onSort={sortBy}>Owner</SortableHeader>
                  <SortableHeader field="STATUS" sort={view.sort} onSort={sortBy}>Status</SortableHeader>
                  <SortableHeader field="SCORE" sort={view.sort} onSort={sortBy} numeric>Inherent</SortableHeader>
                  <SortableHeader field="RESIDUAL_SCORE" sort={view.sort} onSort={sortBy} numeric>Residual</SortableHeader>
                  <SortableHeader field="REVIEW_DATE" sort={view.sort} onSort={sortBy}>Review</SortableHeader>
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
              {cursors === null ? (
                <button type="button" className="assay-button assay-button--quiet" disabled={!settled} onClick={() => show({ ...view, page: null })}>
                  First page
                </button>
              ) : (
                <button type="button" className="assay-button assay-button--quiet" disabled={!settled || pageNumber === 1} onClick={previousPage}>
                  Previous page
                </button>
              )}
              <span>
                Page {formatNumber(pageNumber)} of {formatNumber(Math.max(1, Math.ceil(page.totalCount / REGISTER_PAGE_SIZE)))}
              </span>
              <button
                type="button"
                className="assay-button assay-button--quiet"
                disabled={!settled || !page.pageInfo.hasNextPage || page.pageInfo.endCursor === null}
                onClick={() => (page.pageInfo.endCursor === null ? undefined : nextPage(page.pageInfo.endCursor))}
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

/** The items of a select's value: "" is none, "High,Critical" two. */
function listValue(value: string): string[] {
  return value === '' ? [] : value.split(',');
}

/** "High or Critical", "Low, Medium or High". */
function inWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Whether the API refused the `after` argument (a cursor of another list or order, or garbage). */
function refusedCursor(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((graphQLError) => graphQLError.extensions.field === 'after') ?? false;
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

function SortableHeader({ field, sort, onSort, numeric = false, children }: { field: RiskOrderField; sort: RegisterSort; onSort: (field: RiskOrderField) => void; numeric?: boolean; children: string }) {
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
