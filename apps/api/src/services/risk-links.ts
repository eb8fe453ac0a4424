import { type Context, viewerOf } from '../context.js';
import { Risk } from '../entities/risk.entity.js';
import { badInput } from '../errors.js';

/** Risk ids are UUIDs, stored lower-case; anything else names no risk (and PostgreSQL would refuse to compare it). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Ids of risks a record links to, trimmed, lower-cased and de-duplicated; each must name a risk
 * of the viewer's organisation. An unknown id is named with its position. One query for the list.
 */
export async function ownRiskIds(context: Context, raw: readonly string[], field = 'riskIds'): Promise<string[]> {
  const given = raw.map((id) => id.trim());
  const wellFormed = [...new Set(given.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
  const found = wellFormed.length === 0 ? [] : await context.em.find(Risk, { id: { $in: wellFormed }, organisation: viewerOf(context).membership.organisation });
  const known = new Set(found.map((risk) => risk.id));
  given.forEach((id, position) => {
    if (!known.has(id.toLowerCase())) throw badInput(field, `item ${position + 1} names no risk of your organisation: "${id}"`);
  });
  return [...new Set(given.map((id) => id.toLowerCase()))];
}
