import { describe, expect, it } from 'vitest';
import { detect } from './detect.fixture.ts';

describe('detectMapping by vendor', () => {
  it('reads a Delighted export', () => {
    const result = detect([
      [
        'Response ID',
        'Person ID',
        'Person Name',
        'Person Email',
        'Score',
        'Comment',
        'Permalink',
        'Response Timestamp',
        'Notes',
        'Tags',
        'Delighted Source',
        'Company',
      ],
      [
        '8812',
        '7731',
        'Ana Lopez',
        'ana@initech.example',
        '9',
        'Fast onboarding',
        'https://delighted.com/r/1',
        '2024-03-05 14:22:10 -0800',
        'call back',
        'vip',
        'email',
        'Initech',
      ],
      [
        '8813',
        '7732',
        'Bo',
        'bo@gmail.com',
        '4',
        'Too slow',
        'https://delighted.com/r/2',
        '2024-03-06 09:00:00 -0800',
        '',
        '',
        'web',
        '',
      ],
    ]);
    expect(result.vendor).toBe('delighted');
    expect(result.mapping).toEqual({
      'Response ID': 'externalId',
      'Person ID': 'contactId',
      'Person Name': 'name',
      'Person Email': 'email',
      Score: 'score:nps',
      Comment: 'text',
      'Response Timestamp': 'date',
      Company: 'company',
    });
    expect(result.unmapped).toEqual(['Permalink', 'Notes', 'Tags', 'Delighted Source']);
    expect(result.confidence).toBe(1);
    expect(result.preview[0]).toEqual({
      text: 'Fast onboarding',
      score: { type: 'nps', value: 9 },
      receivedAt: '2024-03-05T22:22:10.000Z',
      externalId: '8812',
      contact: { email: 'ana@initech.example', externalId: '7731', name: 'Ana Lopez' },
      account: { name: 'Initech' },
    });
  });

  it('reads a Qualtrics export with its three header rows, from the question texts', () => {
    const result = detect([
      [
        'StartDate',
        'EndDate',
        'Status',
        'IPAddress',
        'Progress',
        'Duration (in seconds)',
        'Finished',
        'RecordedDate',
        'ResponseId',
        'RecipientLastName',
        'RecipientFirstName',
        'RecipientEmail',
        'ExternalReference',
        'DistributionChannel',
        'UserLanguage',
        'Q1',
        'Q1_NPS_GROUP',
        'Q2',
      ],
      [
        'Start Date',
        'End Date',
        'Response Type',
        'IP Address',
        'Progress',
        'Duration (in seconds)',
        'Finished',
        'Recorded Date',
        'Response ID',
        'Recipient Last Name',
        'Recipient First Name',
        'Recipient Email',
        'External Data Reference',
        'Distribution Channel',
        'User Language',
        'How likely are you to recommend Initech to a friend or colleague?',
        'How likely are you to recommend Initech to a friend or colleague? - Group',
        'What is the most important reason for your score?',
      ],
      [
        '{"ImportId":"startDate","timeZone":"UTC"}',
        '{"ImportId":"endDate","timeZone":"UTC"}',
        '{"ImportId":"status"}',
        '{"ImportId":"ipAddress"}',
        '{"ImportId":"progress"}',
        '{"ImportId":"duration"}',
        '{"ImportId":"finished"}',
        '{"ImportId":"recordedDate","timeZone":"UTC"}',
        '{"ImportId":"_recordId"}',
        '{"ImportId":"recipientLastName"}',
        '{"ImportId":"recipientFirstName"}',
        '{"ImportId":"recipientEmail"}',
        '{"ImportId":"externalDataReference"}',
        '{"ImportId":"distributionChannel"}',
        '{"ImportId":"userLanguage"}',
        '{"ImportId":"QID1"}',
        '{"ImportId":"QID1_NPS_GROUP"}',
        '{"ImportId":"QID2_TEXT"}',
      ],
      [
        '2024-03-05 14:20:01',
        '2024-03-05 14:22:10',
        'IP Address',
        '203.0.113.9',
        '100',
        '129',
        'True',
        '2024-03-05 14:22:11',
        'R_1abc',
        'Lopez',
        'Ana',
        'ana@initech.example',
        'crm-7',
        'email',
        'EN',
        '10 - Extremely likely',
        'Promoter',
        'The support team',
      ],
      [
        '2024-03-06 08:00:00',
        '2024-03-06 08:01:00',
        'IP Address',
        '203.0.113.10',
        '100',
        '60',
        'True',
        '2024-03-06 08:01:01',
        'R_2def',
        '',
        '',
        '',
        '',
        'anonymous',
        'EN',
        '3',
        'Detractor',
        '',
      ],
    ]);
    expect(result.header.headerRows).toBe(3);
    expect(result.vendor).toBe('qualtrics');
    expect(result.mapping).toEqual({
      RecordedDate: 'date',
      ResponseId: 'externalId',
      RecipientLastName: 'name',
      RecipientFirstName: 'name',
      RecipientEmail: 'email',
      ExternalReference: 'contactId',
      Q1: 'score:nps',
      Q2: 'text',
    });
    expect(result.preview).toEqual([
      {
        text: 'The support team',
        score: { type: 'nps', value: 10 },
        receivedAt: '2024-03-05T14:22:11.000Z',
        externalId: 'R_1abc',
        contact: { email: 'ana@initech.example', externalId: 'crm-7', name: 'Ana Lopez' },
      },
      {
        text: '',
        score: { type: 'nps', value: 3 },
        receivedAt: '2024-03-06T08:01:01.000Z',
        externalId: 'R_2def',
      },
    ]);
  });

  it('reads a SurveyMonkey export with its two header rows and month-first dates', () => {
    const result = detect([
      [
        'Respondent ID',
        'Collector ID',
        'Start Date',
        'End Date',
        'IP Address',
        'Email Address',
        'First Name',
        'Last Name',
        'Custom Data 1',
        'How likely is it that you would recommend Initech to a friend or colleague?',
        'What is the primary reason for your score?',
        'Which features do you use?',
        '',
        '',
      ],
      [
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'Response',
        'Open-Ended Response',
        'Reports',
        'Dashboards',
        'Other (please specify)',
      ],
      [
        '114044308931',
        '431775440',
        '03/05/2024 02:20:01 PM',
        '03/05/2024 02:22:10 PM',
        '203.0.113.9',
        'ana@initech.example',
        'Ana',
        'Lopez',
        '',
        '9',
        'Fast and friendly',
        'Reports',
        '',
        '',
      ],
    ]);
    expect(result.header.headerRows).toBe(2);
    expect(result.header.columns.slice(11)).toEqual([
      'Which features do you use? - Reports',
      'Which features do you use? - Dashboards',
      'Which features do you use? - Other (please specify)',
    ]);
    expect(result.vendor).toBe('surveymonkey');
    expect(result.preview).toEqual([
      {
        text: 'Fast and friendly',
        score: { type: 'nps', value: 9 },
        receivedAt: '2024-03-05T14:22:10.000Z',
        externalId: '114044308931',
        contact: { email: 'ana@initech.example', name: 'Ana Lopez' },
      },
    ]);
  });

  it('reads a Typeform export from its question titles', () => {
    const result = detect([
      [
        '#',
        'How likely are you to recommend us to a friend?',
        "What's the main reason for your score?",
        "What's your email address?",
        'Start Date (UTC)',
        'Submit Date (UTC)',
        'Network ID',
        'Tags',
      ],
      [
        'k3j2l1',
        '10',
        'Great templates',
        'ana@initech.example',
        '2024-03-05 14:20:01',
        '2024-03-05 14:22:10',
        'f3b2a1',
        '',
      ],
      [
        'm4n5o6',
        '6',
        'Pricing is confusing',
        'bo@gmail.com',
        '2024-03-06 08:00:00',
        '2024-03-06 08:01:00',
        'a1b2c3',
        '',
      ],
    ]);
    expect(result.vendor).toBe('typeform');
    expect(result.mapping).toEqual({
      '#': 'externalId',
      'How likely are you to recommend us to a friend?': 'score:nps',
      "What's the main reason for your score?": 'text',
      "What's your email address?": 'email',
      'Submit Date (UTC)': 'date',
    });
  });

  it('reads a Zendesk satisfaction export: good/bad as CSAT 5/1, offered as no answer', () => {
    const result = detect([
      [
        'Ticket ID',
        'Requester',
        'Requester email',
        'Assignee',
        'Group',
        'Satisfaction',
        'Comment',
        'Reason',
        'Created at',
      ],
      [
        '4521',
        'Ana Lopez',
        'ana@initech.example',
        'Sam',
        'Support',
        'Good',
        'Quick fix',
        '',
        '2024-03-05 14:22',
      ],
      [
        '4522',
        'Bo',
        'bo@gmail.com',
        'Sam',
        'Support',
        'Bad',
        'Nobody answered',
        'The issue took too long to resolve',
        '2024-03-06 09:00',
      ],
      ['4523', 'Cy', 'cy@globex.example', 'Sam', 'Support', 'Offered', '', '', '2024-03-06 10:00'],
    ]);
    expect(result.vendor).toBe('zendesk');
    expect(result.mapping).toMatchObject({
      'Ticket ID': 'externalId',
      Requester: 'name',
      'Requester email': 'email',
      Satisfaction: 'score:csat',
      Comment: 'text',
      'Created at': 'date',
    });
    expect(result.preview.map((item) => item.score)).toEqual([
      { type: 'csat', value: 5 },
      { type: 'csat', value: 1 },
    ]);
    expect(result.previewErrors).toEqual([]);
  });
});
