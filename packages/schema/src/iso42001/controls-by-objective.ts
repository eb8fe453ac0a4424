import { type AnnexAControl, type AnnexAObjective, annexAControls, annexAObjectives } from './annex-a.js';

/** Each Annex A objective with its controls, both in catalogue order. */
export function controlsByObjective(): (AnnexAObjective & { readonly controls: readonly AnnexAControl[] })[] {
  return annexAObjectives.map((objective) => ({
    ...objective,
    controls: annexAControls.filter((control) => control.objectiveId === objective.id),
  }));
}
