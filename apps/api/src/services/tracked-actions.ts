import type { TrackedAction } from '../entities/tracked-action.js';
import type { TrackedActionInput } from '../resolvers/tracked-action.input.js';
import { checkDate } from './dates.js';
import { notNull, optionalDate } from './inputs.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from './text.js';

/** Applies the shared fields of an action: what, who, by when, and when it was done. */
export function applyTrackedAction(action: TrackedAction, input: TrackedActionInput): void {
  const description = notNull('description', input.description);
  if (description !== undefined) action.description = requiredText('description', description, LONG_TEXT_MAX);
  if (input.owner !== undefined) action.owner = optionalText('owner', input.owner, SHORT_TEXT_MAX);
  const dueDate = notNull('dueDate', input.dueDate);
  if (dueDate !== undefined) action.dueDate = checkDate('dueDate', dueDate);
  action.completedOn = optionalDate('completedOn', input.completedOn, action.completedOn);
}
