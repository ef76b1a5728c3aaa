import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { detect } from './detect.fixture.ts';

describe('detectMapping for other files', () => {
  it('finds fields in an unknown export from the values alone', () => {
    const rows = [
      ['r1', '9', 'The new dashboard saves me an hour a week', 'ana@initech.example', '25/03/2024'],
      ['r2', '2', 'Support never called me back after the outage', 'bo@gmail.com', '26/03/2024'],
      [
        'r3',
        '10',
        'Everything just works, thank you all so much',
        'cy@globex.example',
        '27/03/2024',
      ],
    ];
    const result = detect([['Q0', 'Q1', 'Q2', 'Q3', 'Q4'], ...rows]);
    expect(result.vendor).toBeNull();
    expect(result.mapping).toEqual({ Q1: 'score:nps', Q2: 'text', Q3: 'email', Q4: 'date:dmy' });
    expect(result.confidence).toBeLessThan(0.6);
    expect(result.preview[0]?.receivedAt).toBe('2024-03-25T00:00:00.000Z');
  });

  it('picks CSAT and CES from the values when the header does not say', () => {
    const csat = detect([
      ['Rating', 'Feedback'],
      ['4', 'ok'],
      ['5', 'good'],
      ['1', 'bad'],
    ]);
    expect(csat.mapping.Rating).toBe('score:csat');
    const ces = detect([
      ['Rating', 'Feedback'],
      ['6', 'ok'],
      ['7', 'easy'],
      ['2', 'hard'],
    ]);
    expect(ces.mapping.Rating).toBe('score:ces');
    const named = detect([
      ['Customer Effort', 'Feedback'],
      ['3', 'ok'],
    ]);
    expect(named.mapping['Customer Effort']).toBe('score:ces');
  });

  it('keeps a score column named as such despite typos in a small sample', () => {
    const result = detect([
      ['Score', 'Comment'],
      ['9', 'a'],
      ['11', 'b'],
      ['abc', 'c'],
      ['3', 'd'],
    ]);
    expect(result.mapping.Score).toBe('score:nps');
    expect(result.previewErrors.map((error) => error.row)).toEqual([1, 2]);
  });

  it('lets an explicit mapping win and detects only the rest', () => {
    const result = detect(
      [
        ['Score', 'Comment', 'Verbatim', 'Email'],
        ['4', 'internal note', 'Loved it', 'ana@initech.example'],
      ],
      { verbatim: 'text', comment: 'ignore', Score: 'score:csat' },
    );
    expect(result.mapping).toEqual({
      Score: 'score:csat',
      Comment: 'ignore',
      Verbatim: 'text',
      Email: 'email',
    });
    expect(result.confidence).toBe(1);
    expect(result.preview[0]).toMatchObject({
      text: 'Loved it',
      score: { type: 'csat', value: 4 },
    });
  });

  it('refuses a mapping that names a column the file does not have', () => {
    expect(() =>
      detect(
        [
          ['Score', 'Comment'],
          ['9', 'x'],
        ],
        { Feedback: 'text' },
      ),
    ).toThrow(AppError);
  });

  it('has no confidence when nothing looks like text or a score', () => {
    const result = detect([
      ['id', 'email'],
      ['1', 'ana@initech.example'],
    ]);
    expect(result.confidence).toBe(0);
  });
});
