import { RISK_STATUSES, type RiskFilter, type RiskOrderField, type RiskStatus, type SortDirection } from './register.js';

/**
 * What the risk register shows, as its address keeps it: `/risks?q=bias&level=High,Critical&
 * status=TREATING&system=…&appetite=above&overdue=1&sort=TITLE.asc&page=2&after=…`. Every part
 * is optional; a part that cannot be read is left out rather than refused, so an old or edited
 * link still opens the register.
 */
export interface RegisterView {
  /** Words to find in the title, description or owner; '' for none. */
  search: string;
  /** Inherent levels, any of which matches; empty for any level. */
  levels: readonly string[];
  /** Statuses, any of which matches; empty for any status. */
  statuses: readonly RiskStatus[];
  aiSystemId: string | null;
  appetite: 'within' | 'above' | null;
  reviewOverdue: boolean;
  sort: RegisterSort;
  /** A page after the first: its number (for the pager) and the API's cursor that leads to it. */
  page: RegisterPage | null;
}

export interface RegisterSort {
  field: RiskOrderField;
  direction: SortDirection;
}

export interface RegisterPage {
  number: number;
  after: string;
}

/** The columns the register sorts by. */
export const REGISTER_SORT_FIELDS: readonly RiskOrderField[] = ['TITLE', 'OWNER', 'STATUS', 'SCORE', 'RESIDUAL_SCORE', 'REVIEW_DATE'];

/** The API's default order, highest score first, which the address leaves out. */
export const DEFAULT_REGISTER_SORT: RegisterSort = { field: 'SCORE', direction: 'DESC' };

export const EMPTY_REGISTER_VIEW: RegisterView = { search: '', levels: [], statuses: [], aiSystemId: null, appetite: null, reviewOverdue: false, sort: DEFAULT_REGISTER_SORT, page: null };

/** Statuses other than closed: the risks still being worked on. */
export const OPEN_STATUSES: readonly RiskStatus[] = RISK_STATUSES.filter((status) => status !== 'CLOSED');

/** The register's view from the query string of its address (with or without the leading "?"). */
export function parseRegisterView(query: string): RegisterView {
  const raw = rawParameters(query);
  const search = decoded(raw.get('q') ?? '')?.trim() ?? '';
  const levels = unique(listOf(raw.get('level')));
  const statuses = unique(listOf(raw.get('status')).map((status) => status.toUpperCase()).filter(isRiskStatus));
  const aiSystemId = decoded(raw.get('system') ?? '')?.trim() || null;
  const appetiteText = raw.get('appetite')?.toLowerCase();
  const appetite = appetiteText === 'within' || appetiteText === 'above' ? appetiteText : null;
  const overdueText = raw.get('overdue')?.toLowerCase();
  const reviewOverdue = overdueText === '1' || overdueText === 'true';
  return { search, levels, statuses, aiSystemId, appetite, reviewOverdue, sort: sortOf(raw.get('sort')), page: pageOf(raw.get('page'), raw.get('after')) };
}

/** The query string of a view, "" for the unfiltered first page; parseRegisterView reads it back unchanged. */
export function registerQueryString(view: RegisterView): string {
  const parts: string[] = [];
  const add = (key: string, value: string) => parts.push(`${key}=${value}`);
  const search = view.search.trim();
  if (search !== '') add('q', encoded(search));
  // Commas separate the items of a list; a comma inside an item is percent-encoded.
  if (view.levels.length > 0) add('level', view.levels.map(encoded).join(','));
  if (view.statuses.length > 0) add('status', view.statuses.join(','));
  if (view.aiSystemId !== null) add('system', encoded(view.aiSystemId));
  if (view.appetite !== null) add('appetite', view.appetite);
  if (view.reviewOverdue) add('overdue', '1');
  if (view.sort.field !== DEFAULT_REGISTER_SORT.field || view.sort.direction !== DEFAULT_REGISTER_SORT.direction) {
    add('sort', `${view.sort.field}.${view.sort.direction.toLowerCase()}`);
  }
  if (view.page !== null) {
    add('page', String(view.page.number));
    add('after', encoded(view.page.after));
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** The address of the register showing a view. */
export function registerHref(view: Partial<RegisterView>): string {
  return `/risks${registerQueryString({ ...EMPTY_REGISTER_VIEW, ...view })}`;
}

/** The API's filter for a view; an empty part adds no condition. */
export function registerFilter(view: RegisterView): RiskFilter {
  const filter: RiskFilter = {};
  if (view.search !== '') filter.search = view.search;
  if (view.levels.length > 0) filter.level = [...view.levels];
  if (view.statuses.length > 0) filter.status = [...view.statuses];
  if (view.aiSystemId !== null) filter.aiSystemId = view.aiSystemId;
  if (view.appetite !== null) filter.withinAppetite = view.appetite === 'within';
  if (view.reviewOverdue) filter.reviewOverdue = true;
  return filter;
}

/**
 * The view with its levels and AI system checked against what the organisation has: a level is
 * matched regardless of case and takes the organisation's spelling ("HIGH" → "High"); an unknown
 * level or AI system is dropped. A page whose filter changed this way starts again at the first.
 */
export function withKnownChoices(view: RegisterView, choices: { levels: readonly string[]; aiSystemIds: readonly string[] }): RegisterView {
  const byLowerCase = new Map(choices.levels.map((level) => [level.toLowerCase(), level]));
  const levels = unique(view.levels.flatMap((level) => byLowerCase.get(level.toLowerCase()) ?? []));
  const aiSystemId = view.aiSystemId !== null && choices.aiSystemIds.includes(view.aiSystemId) ? view.aiSystemId : null;
  const changed = levels.join(',') !== view.levels.join(',') || aiSystemId !== view.aiSystemId;
  return changed ? { ...view, levels, aiSystemId, page: null } : view;
}

/** Each `key=value` of a query string, the value still percent-encoded; the first of a repeated key wins. */
function rawParameters(query: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const pair of query.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = decoded(equals < 0 ? pair : pair.slice(0, equals));
    if (key === null || parameters.has(key)) continue;
    parameters.set(key, equals < 0 ? '' : pair.slice(equals + 1));
  }
  return parameters;
}

/**
 * A value percent-encoded as the browser keeps it: the address bar also encodes the apostrophe in
 * a query, and the register compares its own query string with the address bar's.
 */
function encoded(value: string): string {
  return encodeURIComponent(value).replace(/'/g, '%27');
}

/** A percent-encoded value ("+" is a space, as in a form), or null when it is not valid encoding. */
function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The non-empty items of a comma-separated list; an item that cannot be decoded is skipped. */
function listOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').flatMap((item) => {
    const text = decoded(item)?.trim() ?? '';
    return text === '' ? [] : [text];
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function isRiskStatus(value: string): value is RiskStatus {
  return (RISK_STATUSES as readonly string[]).includes(value);
}

/** `FIELD.direction`, case aside, e.g. `TITLE.asc`; anything else is the default order. */
function sortOf(value: string | undefined): RegisterSort {
  const match = /^([a-z_]+)\.(asc|desc)$/i.exec(value ?? '');
  const field = REGISTER_SORT_FIELDS.find((candidate) => candidate === match?.[1]?.toUpperCase());
  if (!match || field === undefined) return DEFAULT_REGISTER_SORT;
  return { field, direction: match[2]!.toUpperCase() as SortDirection };
}

/** A page needs both its number (2 or more) and its cursor; either alone means the first page. */
function pageOf(number: string | undefined, after: string | undefined): RegisterPage | null {
  if (number === undefined || after === undefined || !/^[1-9]\d{0,5}$/.test(number) || Number(number) < 2) return null;
  const cursor = decoded(after);
  return cursor === null || cursor === '' ? null : { number: Number(number), after: cursor };
}
