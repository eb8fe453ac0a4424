import { clauses, findControl } from '@assay/schema';
import { badInput } from '../errors.js';

const clauseIds = new Set(clauses.map((clause) => clause.id));

/** Annex A control ids, trimmed and de-duplicated; an unknown id is named with its position. */
export function checkControlIds(raw: readonly string[], field = 'controlIds'): string[] {
  return [...new Set(raw.map((id) => id.trim()))].map((id, position) => {
    if (!findControl(id)) throw badInput(field, `item ${position + 1} names no Annex A control: "${id}"`);
    return id;
  });
}

/** ISO/IEC 42001 clause ids, trimmed and de-duplicated; an unknown id is named with its position. */
export function checkClauseIds(raw: readonly string[], field = 'clauseIds'): string[] {
  return [...new Set(raw.map((id) => id.trim()))].map((id, position) => {
    if (!clauseIds.has(id)) throw badInput(field, `item ${position + 1} names no clause of ISO/IEC 42001: "${id}"`);
    return id;
  });
}
