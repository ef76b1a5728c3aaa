import type { PersonalDataSpan } from '../types.ts';

/*
 * Phone, card and IBAN numbers. Every pattern is linear: bounded repeats of disjoint classes, and
 * look-behinds that stop a match from starting inside a longer run of digits, so a megabyte of
 * digits and dashes is read in one pass. The judgement (Luhn, mod 97, dates, prices, order numbers)
 * is code over each candidate, which is short.
 */

/** A card number: 13–19 digits, optionally grouped by single spaces or dashes. */
const CARD = /(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)/g;

/** A phone number: optional +country, optional (area), then up to 7 groups of digits. */
const PHONE =
  /(?<![\p{L}\p{N}+#$€£¥/.,:_-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,15}(?:[ .-]\d{1,6}){0,6}(?![\p{L}\p{N}]|[.,:/-]\d)/gu;

/** An IBAN: country, check digits, then 11–30 letters or digits, in groups of four or not. */
const IBAN =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,4})?(?![\p{L}\p{N}])/gu;

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** The Luhn checksum card numbers carry: one mistyped digit or swapped pair fails it. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function findCards(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(CARD)) {
    const digits = digitsOf(match[0]);
    const groups = match[0].split(/[ -]/);
    const separators = new Set(match[0].match(/[ -]/g) ?? []);
    // Cards are printed 4-4-4-4(-3), 4-6-5 or 4-6-4; issuers start with 2 to 6.
    const grouped =
      groups.length === 1 ||
      (separators.size === 1 &&
        groups[0]!.length === 4 &&
        groups.every((group) => group.length >= 3 && group.length <= 6));
    if (grouped && /^[2-6]/.test(digits) && !/^(\d)\1+$/.test(digits) && luhnValid(digits))
      spans.push({ kind: 'card', start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** Words before a number that say it is a phone number, or that it is not. */
const PHONE_CUE =
  /(?:phone|tel|telephone|mobile|cell|call|ring|text|whatsapp|fax|landline|contact|reach)\b[^\n]{0,20}$/i;
const OTHER_NUMBER_CUE =
  /(?:order|invoice|ref|reference|ticket|case|account|acct|po|sku|item|serial|tracking|booking|confirmation|transaction|receipt|customer|member|id|no\.?|number|#)\s*[:#]?\s*$/i;
const UNIT_AFTER = /^\s?(?:€|\$|£|¥|%|eur|usd|gbp|dollars|euros|pounds|kg|km|mb|gb|ms|px)\b/i;
const YEAR = /^(?:19|20)\d\d$/;

function isPhone(text: string, candidate: string, start: number): boolean {
  const digits = digitsOf(candidate);
  if (digits.length < 7 || digits.length > 15) return false;
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(start + candidate.length, start + candidate.length + 8);
  if (UNIT_AFTER.test(after)) return false;
  const groups = candidate.split(/[ .\-()+]+/).filter(Boolean);
  if (groups.every((group) => YEAR.test(group))) return false;
  if (groups.filter((group) => group.length === 1).length > 1) return false;
  const separators = candidate.match(/[.-]/g) ?? [];
  // 2024-01-15, 15.01.2024, 1-2-2024: a date, not a number to call.
  if (digits.length <= 8 && groups.length === 3 && separators.length === 2) return false;
  if (PHONE_CUE.test(before)) return true;
  if (OTHER_NUMBER_CUE.test(before)) return false;
  if (candidate.startsWith('+')) return digits.length >= 8;
  if (groups.length === 1) return /^0\d{9,10}$/.test(digits); // 07700900123: a national number
  return digits.length >= 9 && digits.length <= 12;
}

export function findPhones(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(PHONE))
    if (isPhone(text, match[0], match.index))
      spans.push({ kind: 'phone', start: match.index, end: match.index + match[0].length });
  return spans;
}

/** ISO 13616's check: move the first four characters to the end, read letters as 10–35, mod 97 = 1. */
export function ibanValid(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function findIbans(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(IBAN))
    if (ibanValid(match[0].replace(/ /g, '')))
      spans.push({ kind: 'iban', start: match.index, end: match.index + match[0].length });
  return spans;
}
