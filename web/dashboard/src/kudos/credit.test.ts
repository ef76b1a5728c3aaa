import { describe, expect, it } from 'vitest';
import type { StaffPerson, StaffTeam } from '../directory/types.ts';
import { creditedName, creditInput, creditOptions } from './credit.ts';

const team = (id: string, name: string): StaffTeam => ({
  id,
  name,
  aliases: [],
  leadEmail: null,
  createdAt: '2026-11-01T00:00:00Z',
});
const person = (id: string, name: string, teamId: string | null): StaffPerson => ({
  id,
  name,
  nicknames: [],
  teamId,
  email: null,
  userId: null,
  createdAt: '2026-11-01T00:00:00Z',
});

describe('creditOptions', () => {
  it('lists people by name with their team, then teams, each value saying its kind', () => {
    const options = creditOptions(
      [person('p2', 'Milton', null), person('p1', 'Joanna', 't1')],
      [team('t2', 'Support'), team('t1', 'Billing')],
    );
    expect(options).toEqual([
      { value: 'person:p1', label: 'Joanna (Billing)' },
      { value: 'person:p2', label: 'Milton' },
      { value: 'team:t1', label: 'Team: Billing' },
      { value: 'team:t2', label: 'Team: Support' },
    ]);
  });
});

describe('creditInput', () => {
  it('credits exactly one person or team, with a quote only when one was typed', () => {
    expect(creditInput('person:p1', '  ')).toEqual({ personId: 'p1' });
    expect(creditInput('team:t1', ' Billing sorted it in a day ')).toEqual({
      teamId: 't1',
      quote: 'Billing sorted it in a day',
    });
    expect(creditInput('', 'words')).toBeNull();
    expect(creditInput('account:a1', '')).toBeNull();
  });
});

describe('creditedName', () => {
  it('names the person, else the team', () => {
    expect(creditedName({ personName: 'Joanna', teamName: 'Billing' })).toBe('Joanna');
    expect(creditedName({ personName: null, teamName: 'Billing' })).toBe('Team: Billing');
    expect(creditedName({ personName: null, teamName: null })).toBe(
      'someone no longer in the directory',
    );
  });
});
