import { badInput } from '../errors.js';

/**
 * The shortest password Assay accepts when one is set, counted after runs of spaces are combined
 * (OWASP ASVS 4.0.3, V2.1.1). Signing in checks no length, so older passwords keep working.
 */
export const PASSWORD_MIN_LENGTH = 12;

/** The longest: at least 64 must be allowed and more than 128 refused (OWASP ASVS 4.0.3, V2.1.2). */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Checks a password being set: its length only, with no composition rules (NIST SP 800-63B,
 * 5.1.1.2). The password is returned as given (never trimmed, as signing in does not trim it);
 * the error names the field and never repeats the password.
 */
export function checkNewPassword(field: string, password: string): string {
  const length = [...password.replace(/\s+/g, ' ')].length;
  if (password.trim() === '') throw badInput(field, 'must not be empty');
  if (length < PASSWORD_MIN_LENGTH) throw badInput(field, `must be at least ${PASSWORD_MIN_LENGTH} characters long (runs of spaces count as one)`);
  if (length > PASSWORD_MAX_LENGTH) throw badInput(field, `must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  return password;
}
