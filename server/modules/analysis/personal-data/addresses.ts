import type { PersonalDataSpan } from '../types.ts';

/*
 * Street addresses: a house number, one to four capitalised words and a street type ("221B Baker
 * Street", "Flat 3, 12 High St"), with a following town and UK postcode or US state and ZIP taken
 * in; and postcodes on their own. Linear: bounded repeats over classes that do not overlap, and
 * the tail after a street is read from a slice of at most 80 characters.
 */

const STREET_TYPES =
  'street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|court|ct|place|pl|way|close|' +
  'crescent|cres|terrace|tce|square|sq|highway|hwy|parkway|pkwy|circle|cir|grove|gardens|gdns|' +
  'row|mews|walk|hill|parade|rise|alley|plaza|broadway';
const UNIT = '(?:flat|apt|apartment|unit|suite|ste)\\.?[ \\t]?#?[ \\t]?[\\p{N}]{1,5}[\\p{L}]?';

const STREET = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${UNIT},?[ \\t]{1,3})?\\p{N}{1,5}\\p{L}?(?:-\\p{N}{1,5})?,?[ \\t]{1,3}` +
    `((?:[\\p{L}\\p{N}'’-]{1,30}[ \\t]{1,3}){1,4})(?:${STREET_TYPES})\\.?(?![\\p{L}\\p{N}])`,
  'giu',
);

const UK_POSTCODE = '(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA)';
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|' +
  'NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const STATE_ZIP = `(?:${US_STATES})[ \\t]{1,2}\\d{5}(?:-\\d{4})?`;

/** After a street (and its flat or suite): towns and a postcode or state + ZIP, on the same line. */
const TOWN_AND_POSTCODE = new RegExp(
  `^(?:,?[ \\t]{0,3}\\p{Lu}[\\p{L}'’.-]{1,30}){0,3},?[ \\t]{0,3}` +
    `(?:${UK_POSTCODE}|${STATE_ZIP}|\\d{5}(?:-\\d{4})?)(?![\\p{L}\\p{N}])`,
  'u',
);
const UNIT_TAIL = new RegExp(`^,?[ \\t]{0,3}(?:${UNIT}|#\\d{1,5})(?![\\p{L}\\p{N}])`, 'iu');

/** Postcodes on their own: UK ("SW1A 1AA"), US ZIP+4 ("94105-1234"), state + ZIP ("CA 94105"). */
const POSTCODE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${UK_POSTCODE}|${STATE_ZIP}|\\d{5}-\\d{4})(?![\\p{L}\\p{N}]|-\\d)`,
  'gu',
);

const TAIL_CHARS = 80;

export function findAddresses(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(STREET)) {
    const words = match[1]!.trim().split(/[ \t]+/);
    // Street names are written with capitals; "3 hours on the road" is not an address.
    if (!words.every((word) => /^[\p{Lu}\p{N}]/u.test(word))) continue;
    let end = match.index + match[0].length;
    end += UNIT_TAIL.exec(text.slice(end, end + TAIL_CHARS))?.[0].length ?? 0;
    end += TOWN_AND_POSTCODE.exec(text.slice(end, end + TAIL_CHARS))?.[0].length ?? 0;
    spans.push({ kind: 'address', start: match.index, end });
  }
  for (const match of text.matchAll(POSTCODE))
    spans.push({ kind: 'address', start: match.index, end: match.index + match[0].length });
  return spans;
}
