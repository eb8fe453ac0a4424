import { type EntityManager, type EntityName, type FilterQuery, QueryOrder, type QueryOrderMap } from '@mikro-orm/core';
import { ArgsType, type ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput } from '../errors.js';

/** Page size when `first` is left out, and the most one page may hold. */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many records (default ${PAGE_DEFAULT}, at most ${PAGE_MAX}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType({ description: 'Where a page sits in its list.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass it as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** One page of a list, in the shape every list field of the API answers with. */
export interface Page<T> {
  nodes: T[];
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

/**
 * The GraphQL connection type of a list: `nodes` for scripts that want the records, `edges` with a
 * cursor each for clients that resume mid-page, `pageInfo` and `totalCount` (of the whole filtered
 * list, not of the page).
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, what: string): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${what} and its cursor.` })
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} records.` })
  class ConnectionType implements Page<T> {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many records match, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/**
 * A sort order argument for one list: `{ field, direction }` with the fields a client may sort by.
 * `fields` maps each GraphQL enum value to the entity property it sorts on.
 */
export function orderInputOf<F extends string>(name: string, fields: Record<F, string>) {
  const fieldEnum = Object.fromEntries(Object.keys(fields).map((key) => [key, key])) as Record<F, F>;
  registerEnumType(fieldEnum, { name: `${name}OrderField` });

  @InputType(`${name}Order`, { description: `How to sort the ${name} list.` })
  class OrderInput {
    @Field(() => fieldEnum)
    field!: F;

    @Field(() => SortDirection, { nullable: true, description: 'Default ASC.' })
    direction?: SortDirection | null;
  }
  return {
    OrderInput,
    property: (field: F): string => fields[field],
    /** The MikroORM order of an orderBy argument, or the list's usual order when it is left out. */
    orderMap<T>(input: { field: F; direction?: SortDirection | null } | null, fallback: QueryOrderMap<T>): QueryOrderMap<T> {
      return input ? ({ [fields[input.field]]: input.direction ?? SortDirection.ASC } as QueryOrderMap<T>) : fallback;
    },
  };
}

/** The page size asked for, checked. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX) throw badInput('first', `must be from 1 to ${PAGE_MAX}, got ${size}`);
  return size;
}

function pageInfo(edges: Edge<unknown>[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfo {
  return Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
}

/**
 * One page from the database, by keyset: the rows after the cursor in `orderBy` order, and the
 * count of all rows matching `where` — two SQL statements whatever the size of the list. The
 * primary key is the last sort key, so every row has its own position, and rows without a value
 * in a sort column come last in either direction, on SQLite and PostgreSQL alike.
 */
export async function pageFromDatabase<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T> | (() => FilterQuery<T>),
  orderBy: QueryOrderMap<T>,
  args: PageArgs,
  options: { populate?: readonly string[] } = {},
): Promise<Page<T>> {
  // A condition holding a raw SQL fragment is consumed by the query that uses it: such a
  // condition comes as a function, called once for the page and once for the count.
  const condition = typeof where === 'function' ? where : () => where;
  const first = pageSize(args.first);
  const keys = [...Object.entries(orderBy).map(([key, direction]) => ({ key, descending: String(direction).toLowerCase().startsWith('desc') })), { key: 'id', descending: false }];
  const order = Object.fromEntries(keys.map(({ key, descending }) => [key, descending ? QueryOrder.DESC_NULLS_LAST : QueryOrder.ASC_NULLS_LAST])) as QueryOrderMap<T>;
  const signature = keys.map(({ key, descending }) => `${key}${descending ? '-' : '+'}`).join(',');
  const conditions: FilterQuery<T>[] = [condition()];
  if (args.after) conditions.push(afterCondition<T>(keys, decodeKeyset(args.after, signature, keys.length)));
  const [rows, totalCount] = await Promise.all([
    em.find(entity, { $and: conditions } as FilterQuery<T>, { orderBy: order, limit: first + 1, ...(options.populate ? { populate: options.populate as never } : {}) }),
    em.count(entity, condition()),
  ]);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeKeyset(signature, keys.map(({ key }) => (node as Record<string, unknown>)[key])), node }));
  return { nodes, edges, pageInfo: pageInfo(edges, rows.length > first, Boolean(args.after)), totalCount };
}

type KeyValue = string | number | boolean | Date | null;

/** The rows that come after a position: equal on the keys before one, and after it on that one. */
function afterCondition<T>(keys: readonly { key: string; descending: boolean }[], values: readonly KeyValue[]): FilterQuery<T> {
  const branches: Record<string, unknown>[] = [];
  for (let index = 0; index < keys.length; index += 1) {
    const { key, descending } = keys[index]!;
    const value = values[index]!;
    // After an empty value come only other empty values, which equality on this key covers.
    if (value === null) continue;
    const equal = keys.slice(0, index).map((earlier, position) => ({ [earlier.key]: values[position] }));
    const later = { $or: [{ [key]: { [descending ? '$lt' : '$gt']: value } }, { [key]: null }] };
    branches.push({ $and: [...equal, later] });
  }
  return (branches.length > 0 ? { $or: branches } : { id: null }) as FilterQuery<T>;
}

/** A cursor: the sort keys of the list (so it is refused in another order) and the row's values. */
function encodeKeyset(signature: string, values: readonly unknown[]): string {
  const plain = values.map((value) => (value instanceof Date ? { d: value.toISOString() } : (value ?? null)));
  return Buffer.from(JSON.stringify({ o: signature, v: plain })).toString('base64url');
}

function decodeKeyset(cursor: string, signature: string, length: number): KeyValue[] {
  const refuse = () => badInput('after', 'is not a cursor of this list in this order');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const { o: order, v: values } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { o?: unknown; v?: unknown };
  if (order !== signature || !Array.isArray(values) || values.length !== length || typeof values.at(-1) !== 'string') throw refuse();
  return values.map((value: unknown): KeyValue => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
    const date = typeof value === 'object' && typeof (value as { d?: unknown }).d === 'string' ? new Date((value as { d: string }).d) : null;
    if (date && !Number.isNaN(date.getTime())) return date;
    throw refuse();
  });
}

/**
 * One page of a list already built in memory (records computed from the catalogue or rebuilt from
 * the audit log), in the order given. The cursor names the last record's key, so a page resumes
 * after it even if records before it were added.
 */
export function pageFromList<T>(items: readonly T[], keyOf: (item: T) => string, args: PageArgs): Page<T> {
  const first = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const key = decodeListCursor(args.after);
    const index = key === null ? -1 : items.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw badInput('after', 'is not a cursor of this list');
    start = index + 1;
  }
  const nodes = items.slice(start, start + first);
  const edges = nodes.map((node) => ({ cursor: encodeListCursor(keyOf(node)), node }));
  return { nodes, edges, pageInfo: pageInfo(edges, start + first < items.length, start > 0), totalCount: items.length };
}

function encodeListCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

function decodeListCursor(cursor: string): string | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && typeof (value as { k?: unknown }).k === 'string' ? (value as { k: string }).k : null;
  } catch {
    return null;
  }
}

/** The same page with each record turned into the view GraphQL shows of it. */
export function mapPage<T, V>(page: Page<T>, view: (node: T) => V): Page<V> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: view(edge.node) }));
  return { nodes: edges.map((edge) => edge.node), edges, pageInfo: page.pageInfo, totalCount: page.totalCount };
}
