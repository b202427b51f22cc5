import { IANAZone } from 'luxon';

const validity = new Map<string, boolean>();

/**
 * Whether the name is an IANA time zone this runtime knows. Cached: Luxon checks by building an
 * Intl formatter, which costs tens of microseconds, and an import checks every meeting.
 */
export function isValidTimeZone(name: string): boolean {
  let valid = validity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    validity.set(name, valid);
  }
  return valid;
}
