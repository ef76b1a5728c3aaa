import { describe, expect, it } from 'vitest';
import { splitReply } from './reply-splitter.ts';

describe('splitReply', () => {
  it('cuts Gmail history at "On ... wrote:", even when the header wraps', () => {
    const gmail = [
      'Thanks, restarting fixed it.',
      'One more thing: the export button is hidden on mobile.',
      '',
      'On Tue, Mar 4, 2025 at 10:12 AM Acme Support <support@acme.example>',
      'wrote:',
      '',
      '> Hi Jane,',
      '> Please try restarting the app.',
      '>',
      '> Regards, Sam',
    ].join('\r\n');
    const split = splitReply(gmail);
    expect(split.text).toBe(
      'Thanks, restarting fixed it.\nOne more thing: the export button is hidden on mobile.',
    );
    expect(split.quoted).toContain('Please try restarting the app.');
    expect(split.quoted).toMatch(/^On Tue, Mar 4, 2025/);
    expect(split.signature).toBe('');
  });

  it('cuts Outlook history at "-----Original Message-----" right under the sign-off', () => {
    const outlook = [
      'The export still fails with error 500.',
      '',
      'Jane',
      '-----Original Message-----',
      'From: Acme Support <support@acme.example>',
      'Sent: Tuesday, March 4, 2025 10:12 AM',
      'To: Jane Doe <jane@example.com>',
      'Subject: RE: export',
      '',
      'Try again please.',
    ].join('\n');
    const split = splitReply(outlook);
    expect(split.text).toBe('The export still fails with error 500.\n\nJane');
    expect(split.quoted).toMatch(/^-----Original Message-----\nFrom: Acme Support/);
    expect(split.quoted).toContain('Try again please.');
  });

  it('cuts the Outlook "From: / Sent:" block under a rule', () => {
    const outlook = [
      'Yes, Thursday works for the call.',
      '________________________________',
      'From: Sam Support <sam@acme.example>',
      'Sent: 04 March 2025 10:12',
      'To: jane@example.com',
      'Subject: Call?',
      '',
      'Can we talk on Thursday?',
    ].join('\n');
    const split = splitReply(outlook);
    expect(split.text).toBe('Yes, Thursday works for the call.');
    expect(split.quoted).toContain('Can we talk on Thursday?');
  });

  it('keeps a "From:" line that is part of the message', () => {
    const body = 'From: the moment I signed up, onboarding was smooth.\nGreat job.';
    expect(splitReply(body)).toEqual({ text: body, quoted: '', signature: '' });
  });

  it('separates "Sent from my iPhone"', () => {
    const split = splitReply('Love the new dashboard!\n\nSent from my iPhone');
    expect(split).toEqual({
      text: 'Love the new dashboard!',
      quoted: '',
      signature: 'Sent from my iPhone',
    });
  });

  it('separates a "-- " signature block', () => {
    const body = [
      'The invoice for March is wrong: we were billed twice.',
      '',
      '-- ',
      'Jane Doe',
      'Head of Operations, Example Ltd',
      '+44 20 7946 0000',
    ].join('\n');
    const split = splitReply(body);
    expect(split.text).toBe('The invoice for March is wrong: we were billed twice.');
    expect(split.signature).toBe(
      '-- \nJane Doe\nHead of Operations, Example Ltd\n+44 20 7946 0000',
    );
  });

  it('separates signature and quoted history in the same reply', () => {
    const body = [
      'Still broken after the update.',
      '',
      '-- ',
      'Jane',
      '',
      'On Mon, 3 Mar 2025 at 09:00, Acme <support@acme.example> wrote:',
      '> Fixed in 2.1.',
    ].join('\n');
    const split = splitReply(body);
    expect(split.text).toBe('Still broken after the update.');
    expect(split.signature).toBe('-- \nJane');
    expect(split.quoted).toContain('> Fixed in 2.1.');
  });

  it('leaves a plain message whole', () => {
    const body = 'Your support team was wonderful.\n\nThank you all.';
    expect(splitReply(body)).toEqual({ text: body, quoted: '', signature: '' });
  });

  it('keeps a bare forward as the text rather than making empty feedback', () => {
    const body = [
      '---------- Forwarded message ---------',
      'From: Customer <c@example.com>',
      'Date: Mon, 3 Mar 2025',
      'Subject: Complaint',
      '',
      'Your courier left my parcel in the rain.',
    ].join('\n');
    const split = splitReply(body);
    expect(split.text).toContain('Your courier left my parcel in the rain.');
  });
});

describe('splitReply on long texts', () => {
  it('stays fast and keeps everything on texts of long lines', () => {
    const started = performance.now();
    const long = `${'On a line with many words '.repeat(3000)}\n`.repeat(8).slice(0, 200_000);
    const split = splitReply(long);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(split.text.length).toBeGreaterThan(190_000);
  });
});
