import { describe, expect, it } from 'vitest';
import { isDetractor } from './detractors.ts';
import { fillPlaceholders, replyEmail, replySubject } from './reply-email.ts';

describe('reply email', () => {
  const links = {
    withdraw: 'https://h.test/c',
    unsubscribe: 'https://h.test/c/unsubscribe',
    yes: (purpose: string) => `https://h.test/c?p=${purpose}&a=yes`,
    no: (purpose: string) => `https://h.test/c?p=${purpose}&a=no`,
  };

  it('puts the agent’s words first, the consent question, then the escaped quote', () => {
    const email = replyEmail({
      body: 'Hi Ann,\n\nWe fixed it.\nThanks!',
      quoted: { text: 'It is <broken>', from: 'Ann', at: '2026-11-02T10:00:00.000Z' },
      consent: { purposes: ['follow_up'], links },
    });
    const order = ['We fixed it.', 'May we contact you again', '<blockquote'].map((part) =>
      email.html.indexOf(part),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(email.html).toContain('It is &lt;broken&gt;');
    expect(email.html).toContain('href="https://h.test/c?p=follow_up&amp;a=yes"');
    expect(email.html).toMatch(/We fixed it\.<br ?\/?>Thanks!/);
    expect(email.text).toContain('On 2026-11-02, Ann wrote:\n> It is <broken>');
    expect(email.text).toContain('no https://h.test/c?p=follow_up&a=no');
  });

  it('leaves out what is not there', () => {
    const email = replyEmail({ body: 'Hello', quoted: null, consent: null });
    expect(email.html).not.toContain('blockquote');
    expect(email.text).toBe('Hello');
  });

  it('says Re: once', () => {
    expect(replySubject('Broken', 'x')).toBe('Re: Broken');
    expect(replySubject('RE: Broken', 'x')).toBe('RE: Broken');
    expect(replySubject(null, 'About your feedback')).toBe('About your feedback');
  });

  it('fills placeholders from the contact', () => {
    expect(
      fillPlaceholders('Hi {{first_name}} ({{ email }}), {{unknown}}', {
        name: 'Ann Lee',
        email: 'ann@x.test',
      }),
    ).toBe('Hi Ann (ann@x.test), ');
    expect(fillPlaceholders('Hi {{first_name}},', null)).toBe('Hi ,');
  });

  it('knows detractors per score type', () => {
    expect([6, 7].map((s) => isDetractor('nps', s))).toEqual([true, false]);
    expect([2, 3].map((s) => isDetractor('csat', s))).toEqual([true, false]);
    expect([4, 5].map((s) => isDetractor('ces', s))).toEqual([false, true]);
    expect(isDetractor(null, 1)).toBe(false);
    expect(isDetractor('nps', null)).toBe(false);
  });
});
