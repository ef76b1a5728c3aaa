import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from './personal-data/numbers.ts';
import { findPersonalData, redact } from './redact.ts';
import type { PersonalDataKind } from './types.ts';

const found = (text: string, kinds?: PersonalDataKind[]) =>
  findPersonalData(text, kinds ? { kinds } : {}).map((span) => [
    span.kind,
    text.slice(span.start, span.end),
  ]);

describe('e-mail addresses', () => {
  it('finds addresses with a domain and a top-level domain, and nothing without', () => {
    expect(found('Mail jane.doe+hearken@mail.example.co.uk or JOSÉ@acme.io.')).toEqual([
      ['email', 'jane.doe+hearken@mail.example.co.uk'],
      ['email', 'JOSÉ@acme.io'],
    ]);
    expect(found('user@localhost, @handle, a@b.c, me@ and foo@bar')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('finds international and national formats', () => {
    const text =
      'UK +44 20 7946 0958, +44 (0)20 7946 0958, mobile 07700 900123 or 07700900123; ' +
      'US (415) 555-0132 and 415.555.0132; FR +33 1 23 45 67 89.';
    expect(found(text, ['phone']).map(([, value]) => value)).toEqual([
      '+44 20 7946 0958',
      '+44 (0)20 7946 0958',
      '07700 900123',
      '07700900123',
      '(415) 555-0132',
      '415.555.0132',
      '+33 1 23 45 67 89',
    ]);
  });

  it('leaves dates, years, prices, times and order numbers alone', () => {
    const text =
      'On 2024-01-15 (or 15.01.2024) in 2019 2020 2021 I paid $1,299.99 and 1 299 000 EUR at 10:30. ' +
      'Order 100234567, invoice #2023-445-1234, ticket 55512345678, 3 items for 12.50.';
    expect(found(text)).toEqual([]);
  });

  it('takes a number a phone cue points at', () => {
    expect(found('call me on 5550132 please')).toEqual([['phone', '5550132']]);
  });
});

describe('card numbers and IBANs', () => {
  it('finds Luhn-valid card numbers, plain or grouped, and not other long numbers', () => {
    const text =
      'Visa 4111 1111 1111 1111, MC 5555-5555-5555-4444, Amex 3782 822463 10005, plain ' +
      '4012888888881881. Not: 4111 1111 1111 1112, 0000 0000 0000 0000, 12345678901234567890123.';
    expect(found(text)).toEqual([
      ['card', '4111 1111 1111 1111'],
      ['card', '5555-5555-5555-4444'],
      ['card', '3782 822463 10005'],
      ['card', '4012888888881881'],
    ]);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('finds IBANs that pass mod 97, grouped or not', () => {
    expect(
      found(
        'Pay GB82 WEST 1234 5698 7654 32 or DE89370400440532013000, not GB82 WEST 1234 5698 7654 33',
      ),
    ).toEqual([
      ['iban', 'GB82 WEST 1234 5698 7654 32'],
      ['iban', 'DE89370400440532013000'],
    ]);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
  });
});

describe('street addresses and postcodes', () => {
  it('finds a number, capitalised street words and a street type, with flat, town and postcode', () => {
    expect(
      found('Send it to Flat 3, 12 High Street, London SW1A 1AA please. I live at 221B Baker St.'),
    ).toEqual([
      ['address', 'Flat 3, 12 High Street, London SW1A 1AA'],
      ['address', '221B Baker St.'],
    ]);
    expect(found('Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500-0003 today')).toEqual([
      ['address', '1600 Pennsylvania Avenue NW, Washington, DC 20500-0003'],
    ]);
    expect(found('123 Main St Apt 4B, Springfield, IL 62704')).toEqual([
      ['address', '123 Main St Apt 4B, Springfield, IL 62704'],
    ]);
  });

  it('does not take ordinary phrases for addresses', () => {
    expect(found('I waited 3 hours on the road and 2 weeks. The Way it went was bad')).toEqual([]);
    expect(found('Postcode sw1a 1aa in lower case, order 12345 and 5 Stars')).toEqual([]);
  });
});

describe('redact', () => {
  it('replaces each span with a readable marker and keeps the rest', () => {
    const text = 'Call +44 20 7946 0958 or mail jo@acme.io, card 4111 1111 1111 1111.';
    expect(redact(text, findPersonalData(text))).toBe('Call [phone] or mail [email], card [card].');
    expect(redact(text, findPersonalData(text), { kinds: ['email'] })).toBe(
      'Call +44 20 7946 0958 or mail [email], card 4111 1111 1111 1111.',
    );
    expect(redact(text, findPersonalData(text), { marker: () => '█' })).toBe(
      'Call █ or mail █, card █.',
    );
  });

  it('copes with unsorted, overlapping, out-of-range spans and never splits a surrogate pair', () => {
    expect(
      redact('abcdef', [
        { kind: 'phone', start: 4, end: 99 },
        { kind: 'email', start: 0, end: 2 },
        { kind: 'card', start: 1, end: 3 },
      ]),
    ).toBe('[email]cd[phone]');
    expect(redact('a😀b', [{ kind: 'email', start: 2, end: 3 }])).toBe('a[email]b');
    expect(redact('', [{ kind: 'email', start: 0, end: 5 }])).toBe('');
  });
});
