import { type CrosswalkLink, type Framework, crosswalk } from './crosswalk.js';

/** The links of one ISO/IEC 42001 control or clause, optionally to one framework only. */
export function crosswalkFor(ref: string, framework?: Framework): CrosswalkLink[] {
  return crosswalk.filter((entry) => entry.from.ref === ref && (framework === undefined || entry.to.framework === framework));
}
