import { describe, expect, it } from 'vitest';
import { resolveMentions } from './comments.service.ts';

const members = [
  { id: 'u1', name: 'Ana Lima', email: 'ana@example.test' },
  { id: 'u2', name: 'Ben Ode', email: 'ben@example.test' },
  { id: 'u3', name: 'Ben Carr', email: 'carr@example.test' },
];

describe('resolveMentions', () => {
  it('finds members by email, full name and unique first name', () => {
    expect(resolveMentions('@ana, can you call? cc @ben@example.test', members)).toEqual([
      'u1',
      'u2',
    ]);
    expect(resolveMentions('@BenCarr and @ben.carr.', members)).toEqual(['u3']);
  });

  it('ignores ambiguous first names, unknown names and email addresses in the text', () => {
    expect(resolveMentions('@ben please', members)).toEqual([]);
    expect(resolveMentions('@zoe write to ana@example.test', members)).toEqual([]);
  });
});
