import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { badInput } from '../errors.js';
import { lookupId } from './records.js';

/** The AI system an input names (undefined keeps `current`, null detaches); it must be the viewer's own. */
export async function aiSystemOf(context: Context, id: string | null | undefined, current: AiSystem | null, field = 'aiSystemId'): Promise<AiSystem | null> {
  if (id === undefined) return current;
  if (id === null) return null;
  const system = await context.em.findOne(AiSystem, { id: lookupId(id), organisation: viewerOf(context).membership.organisation });
  if (!system) throw badInput(field, `names no AI system of your organisation: ${id}`);
  return system;
}
