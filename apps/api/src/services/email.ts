import { badInput } from '../errors.js';

/** The longest address SMTP can carry (RFC 5321, 4.5.3.1: a 256-octet path less its brackets). */
const ADDRESS_MAX = 254;
/** The longest local part, before the @ (RFC 5321, 4.5.3.1.1). */
const LOCAL_PART_MAX = 64;
/** A dot-atom of RFC 5322 atext: `first.last+tag`, no leading, trailing or double dot. */
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** A host name of two labels or more, each of letters, digits and inner hyphens, at most 63 long. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * An email address as Assay stores it: trimmed and lower-cased (so sign-in ignores case), then
 * checked to be a plain `local@domain.tld` address. Quoted local parts, address literals and
 * non-ASCII addresses are refused.
 */
export function emailAddress(field: string, raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!email) throw badInput(field, 'must not be empty');
  if (email.length > ADDRESS_MAX) throw badInput(field, `must be at most ${ADDRESS_MAX} characters, got ${email.length}`);
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (at < 1 || local.length > LOCAL_PART_MAX || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) {
    throw badInput(field, `must be an email address like name@example.org, got "${email}"`);
  }
  return email;
}
