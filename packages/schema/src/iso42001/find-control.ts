import { type AnnexAControl, annexAControls } from './annex-a.js';

const byId = new Map(annexAControls.map((control) => [control.id, control]));

/** The Annex A control with this id (e.g. `A.6.2.4`), or undefined for an unknown id. */
export function findControl(id: string): AnnexAControl | undefined {
  return byId.get(id.trim());
}
