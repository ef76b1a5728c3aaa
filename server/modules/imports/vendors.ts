import type { ImportField } from './import.schemas.ts';

/**
 * What the survey and help-desk tools put in their exports. Header names below are those of the
 * tools' CSV exports (Delighted's response export, Qualtrics' "CSV" download with its three header
 * rows, SurveyMonkey's "All responses" export with its two header rows, Typeform's "Download
 * responses", Zendesk's satisfaction ratings and ticket exports).
 */
export const VENDORS = ['delighted', 'qualtrics', 'surveymonkey', 'typeform', 'zendesk'] as const;
export type Vendor = (typeof VENDORS)[number];

/** Lower case, single spaces, no surrounding punctuation: `Person Email ` → `person email`. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** Headers that identify a vendor's export; two or more present (any one for `strong`) name it. */
const SIGNATURES: Record<Vendor, { strong: string[]; weak: string[] }> = {
  delighted: {
    strong: ['response timestamp', 'person email', 'delighted source', 'delighted device type'],
    weak: ['score', 'comment', 'permalink', 'person id', 'response id', 'notes', 'tags'],
  },
  qualtrics: {
    strong: ['responseid', 'recordeddate', 'distributionchannel', 'recipientemail'],
    weak: ['startdate', 'enddate', 'status', 'ipaddress', 'progress', 'finished', 'userlanguage'],
  },
  surveymonkey: {
    strong: ['respondent id', 'collector id'],
    weak: ['start date', 'end date', 'ip address', 'email address', 'custom data 1'],
  },
  typeform: {
    strong: ['submit date (utc)', 'network id', 'start date (utc)', 'stage date (utc)'],
    weak: ['#', 'token', 'response type', 'ending'],
  },
  zendesk: {
    strong: ['requester email', 'satisfaction', 'satisfaction score', 'satisfaction rating'],
    weak: ['ticket id', 'requester', 'requester id', 'assignee', 'group', 'organization'],
  },
};

export function detectVendor(headers: string[]): Vendor | null {
  const present = new Set(headers.map(normaliseHeader));
  let best: { vendor: Vendor; points: number } | null = null;
  for (const vendor of VENDORS) {
    const { strong, weak } = SIGNATURES[vendor];
    const points =
      strong.filter((header) => present.has(header)).length * 2 +
      weak.filter((header) => present.has(header)).length;
    if (points >= 3 && (!best || points > best.points)) best = { vendor, points };
  }
  return best?.vendor ?? null;
}

/** Exact header names (normalised) and what they hold, with how sure the name alone makes us. */
export const EXACT_HEADERS: Record<string, [ImportField, number]> = {
  // Delighted
  score: ['score', 0.9],
  comment: ['text', 1],
  'person email': ['email', 1],
  'person name': ['name', 1],
  'person id': ['contactId', 0.9],
  'response timestamp': ['date', 1],
  'response id': ['externalId', 1],
  // Qualtrics (first header row)
  responseid: ['externalId', 1],
  recordeddate: ['date', 1],
  enddate: ['date', 0.7],
  startdate: ['date', 0.5],
  recipientemail: ['email', 1],
  recipientfirstname: ['name', 1],
  recipientlastname: ['name', 1],
  externalreference: ['contactId', 0.9],
  externaldatareference: ['contactId', 0.9],
  // SurveyMonkey
  'respondent id': ['externalId', 1],
  'email address': ['email', 1],
  'first name': ['name', 0.9],
  'last name': ['name', 0.9],
  'end date': ['date', 0.8],
  'start date': ['date', 0.5],
  // Typeform
  '#': ['externalId', 0.8],
  'submit date (utc)': ['date', 1],
  'start date (utc)': ['date', 0.5],
  // Zendesk
  satisfaction: ['score:csat', 1],
  'satisfaction score': ['score:csat', 1],
  'satisfaction rating': ['score:csat', 1],
  'satisfaction comment': ['text', 1],
  'requester email': ['email', 1],
  requester: ['name', 0.9],
  'requester name': ['name', 1],
  'requester id': ['contactId', 0.9],
  'requester external id': ['contactId', 1],
  'requester domain': ['domain', 1],
  'ticket id': ['externalId', 1],
  organization: ['company', 0.9],
  'organization name': ['company', 1],
  // Common names
  nps: ['score:nps', 1],
  'nps score': ['score:nps', 1],
  'net promoter score': ['score:nps', 1],
  csat: ['score:csat', 1],
  'csat score': ['score:csat', 1],
  ces: ['score:ces', 1],
  'ces score': ['score:ces', 1],
  rating: ['score', 0.8],
  comments: ['text', 1],
  feedback: ['text', 1],
  text: ['text', 0.9],
  verbatim: ['text', 1],
  email: ['email', 1],
  'e-mail': ['email', 1],
  'customer email': ['email', 1],
  'contact email': ['email', 1],
  name: ['name', 0.9],
  'full name': ['name', 1],
  'customer name': ['name', 1],
  'contact name': ['name', 1],
  phone: ['phone', 1],
  'phone number': ['phone', 1],
  mobile: ['phone', 0.9],
  date: ['date', 0.9],
  timestamp: ['date', 0.9],
  'created at': ['date', 0.8],
  'submitted at': ['date', 1],
  'response date': ['date', 1],
  id: ['externalId', 0.7],
  'external id': ['externalId', 0.9],
  'customer id': ['contactId', 0.9],
  'contact id': ['contactId', 0.9],
  'user id': ['contactId', 0.8],
  company: ['company', 1],
  'company name': ['company', 1],
  account: ['company', 0.9],
  'account name': ['company', 1],
  'organisation name': ['company', 1],
  'account id': ['accountId', 1],
  'company id': ['accountId', 1],
  'organization id': ['accountId', 1],
  domain: ['domain', 1],
  'company domain': ['domain', 1],
  website: ['domain', 0.8],
};

/** Columns that hold tool metadata and never feedback, even when their name looks like a field. */
export const NEVER_MAPPED =
  /^(ip ?address|location ?(latitude|longitude)|user ?agent|user ?language|language|progress|duration.*|finished|status|distribution ?channel|collector id|network id|custom data \d+|permalink|delighted .*|device|browser|platform|url|survey id|response type|ending|tags|notes|group|assignee|via|.* nps group)$/;

/** One column: its name (the key of a mapping) and the text describing it (a question, for surveys). */
export interface HeaderInfo {
  columns: string[];
  labels: string[];
  /** How many records at the top of the file are headers (Qualtrics writes 3, SurveyMonkey 2). */
  headerRows: number;
  vendor: Vendor | null;
}

function unique(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name, index) => {
    const base = name.trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/**
 * Reads the header from the first records: one row for most files; Qualtrics adds a row of
 * question texts and a row of `{"ImportId":...}`; SurveyMonkey puts each question over its answer
 * columns in a first row and `Response` / `Open-Ended Response` / option names in a second row.
 */
export function readHeader(records: string[][]): HeaderInfo {
  const [first = [], second, third] = records;
  if (second && third && third.some((cell) => /^\{"ImportId":/.test(cell.trim()))) {
    const columns = unique(first);
    return {
      columns,
      labels: columns.map((_, i) => second[i] ?? ''),
      headerRows: 3,
      vendor: 'qualtrics',
    };
  }
  const isSurveyMonkey =
    second !== undefined &&
    normaliseHeader(first[0] ?? '') === 'respondent id' &&
    second.some((cell) => /^(open-ended )?response$/i.test(cell.trim())) &&
    (second[0] ?? '').trim() === '';
  if (isSurveyMonkey) {
    let question = '';
    const names = first.map((cell, index) => {
      if (cell.trim() !== '') question = cell.trim();
      const answer = (second[index] ?? '').trim();
      if (cell.trim() !== '' && /^(open-ended )?response$|^$/i.test(answer)) return question;
      return `${question} - ${answer}`;
    });
    const columns = unique(names);
    return {
      columns,
      labels: columns.map((name, i) => `${name} ${second[i] ?? ''}`.trim()),
      headerRows: 2,
      vendor: 'surveymonkey',
    };
  }
  const columns = unique(first);
  return { columns, labels: columns, headerRows: 1, vendor: detectVendor(columns) };
}
