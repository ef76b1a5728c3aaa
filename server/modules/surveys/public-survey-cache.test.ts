import { beforeEach, describe, expect, it } from 'vitest';
import {
  cachedPublicSurvey,
  forgetPublicSurveys,
  type PublicSurveyRow,
} from './public-survey-cache.ts';

const row = (status: string) => ({ id: 's1', status }) as unknown as PublicSurveyRow;

describe('public survey cache', () => {
  beforeEach(() => forgetPublicSurveys());

  it('serves a survey read in the last two seconds, then reads it again', async () => {
    const reads: string[] = [];
    const read = (status: string) => async () => {
      reads.push(status);
      return row(status);
    };
    expect((await cachedPublicSurvey('t', read('active'), 1_000))?.status).toBe('active');
    expect((await cachedPublicSurvey('t', read('paused'), 2_999))?.status).toBe('active');
    expect((await cachedPublicSurvey('t', read('paused'), 3_000))?.status).toBe('paused');
    expect(reads).toEqual(['active', 'paused']);
  });

  it('forgets everything when a survey or post changes in this process', async () => {
    await cachedPublicSurvey('t', async () => row('active'), 1_000);
    forgetPublicSurveys();
    expect((await cachedPublicSurvey('t', async () => row('paused'), 1_001))?.status).toBe(
      'paused',
    );
  });

  it('remembers an unknown token too, so a flood of bad links costs one read each', async () => {
    let reads = 0;
    const missing = async () => {
      reads += 1;
      return undefined;
    };
    await cachedPublicSurvey('nope', missing, 1_000);
    await cachedPublicSurvey('nope', missing, 1_500);
    expect(reads).toBe(1);
  });
});
