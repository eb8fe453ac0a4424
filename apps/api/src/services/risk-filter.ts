import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Risk } from '../entities/risk.entity.js';
import type { RiskFilter } from '../resolvers/risk.input.js';
import { checkControlIds } from './catalogue-refs.js';
import { jsonArrayContains, matchesSearch, searchWhere, searchWords } from './list-filters.js';

/**
 * One condition of a risk filter, in the two forms the register needs: a database condition for
 * the current register, and a predicate for a register rebuilt in memory from the audit log.
 */
export interface RiskCondition {
  where: FilterQuery<Risk>;
  test(risk: Risk): boolean;
}

/** The conditions of a filter; an empty list when nothing narrows the register. */
export function riskConditions(em: EntityManager, filter: RiskFilter | null, today: string): RiskCondition[] {
  if (!filter) return [];
  const conditions: RiskCondition[] = [];
  const anyOf = <K extends 'status' | 'level' | 'treatment'>(key: K, values: readonly string[] | null | undefined) => {
    if (values == null) return;
    conditions.push({ where: { [key]: { $in: [...values] } } as FilterQuery<Risk>, test: (risk) => values.includes(String(risk[key])) });
  };
  anyOf('status', filter.status);
  anyOf('level', filter.level);
  anyOf('treatment', filter.treatment);
  if (filter.aiSystemId != null) {
    const id = filter.aiSystemId;
    conditions.push({ where: { aiSystem: id }, test: (risk) => idOf(risk.aiSystem) === id });
  }
  if (filter.withinAppetite != null) {
    const within = filter.withinAppetite;
    conditions.push({ where: { withinAppetite: within }, test: (risk) => risk.withinAppetite === within });
  }
  if (filter.controlId != null) {
    const [controlId] = checkControlIds([filter.controlId], 'filter.controlId');
    conditions.push({
      where: jsonArrayContains<Risk>('control_ids', controlId!),
      test: (risk) => (risk.controlIds ?? []).includes(controlId!),
    });
  }
  if (filter.reviewOverdue != null) {
    const overdue = (risk: Risk) => risk.reviewDate !== null && risk.reviewDate < today;
    conditions.push(
      filter.reviewOverdue
        ? { where: { reviewDate: { $lt: today } }, test: overdue }
        : { where: { $or: [{ reviewDate: null }, { reviewDate: { $gte: today } }] }, test: (risk) => !overdue(risk) },
    );
  }
  const words = searchWords(filter.search);
  if (words.length > 0) {
    conditions.push({ where: { $and: searchWhere<Risk>(em, filter.search, ['title', 'description', 'owner']) }, test: (risk) => matchesSearch(words, [risk.title, risk.description, risk.owner]) });
  }
  return conditions;
}

function idOf(reference: { id: string } | null): string | null {
  return reference?.id ?? null;
}
