import type { z } from 'zod';
import {
  feedbackItemSchema,
  MAX_TEXT_LENGTH,
  type FeedbackItem,
} from '../ingest/ingest.schemas.ts';
import type { ColumnMapping, ImportField } from './import.schemas.ts';
import { readDate, readDomain, readScore, type DateOrder, type ScoreType } from './values.ts';

/** A row made into a feedback item, refused with a reason, or empty (nothing to import). */
export type Converted = { item: FeedbackItem } | { error: string } | { empty: true };

/** Where each FeedbackItem path came from, to name the field and column in a row's error. */
const FIELD_OF_PATH: Record<string, string> = {
  text: 'text',
  score: 'score',
  receivedAt: 'date',
  externalId: 'externalId',
  'contact.email': 'email',
  'contact.name': 'name',
  'contact.phone': 'phone',
  'contact.externalId': 'contactId',
  'account.name': 'company',
  'account.externalId': 'accountId',
  'account.domain': 'domain',
  metadata: 'metadata',
};

function fieldOfPath(path: PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  for (const [prefix, field] of Object.entries(FIELD_OF_PATH))
    if (dotted === prefix || dotted.startsWith(`${prefix}.`)) return field;
  return dotted || 'item';
}

const shown = (cell: string) => JSON.stringify(cell.length > 60 ? `${cell.slice(0, 57)}...` : cell);

/** `email: Invalid email address`, for items read as they are (JSON lines). */
export function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`).join('; ');
}

/** Validates an item read as is, from a JSON line, with the same rules as the API. */
export function convertItem(value: unknown): Converted {
  if (typeof value === 'object' && value !== null && ('postId' in value || 'touchpointId' in value))
    return {
      error:
        'postId/touchpointId: not accepted in an import; the listening post and its touchpoint are used',
    };
  const parsed = feedbackItemSchema.safeParse(value);
  if (parsed.success) return { item: parsed.data };
  return { error: describeIssues(parsed.error.issues) };
}

interface Columns {
  indexes: number[];
  names: string[];
}

/**
 * Compiles a mapping into a function from a row's cells to a feedback item, validated with the
 * API's schema. Errors name the field, the column and the value: `score: is outside the scale
 * (NPS 0–10, ...) (column "Score": "11")`.
 */
export function compileMapping(
  columns: string[],
  mapping: ColumnMapping,
): (cells: string[]) => Converted {
  const of = (test: (field: ImportField) => boolean): Columns => {
    const names = columns.filter((column) => {
      const field = mapping[column];
      return field !== undefined && test(field);
    });
    return { names, indexes: names.map((name) => columns.indexOf(name)) };
  };
  const single = (field: ImportField) => of((candidate) => candidate === field);
  const text = single('text');
  const score = of((field) => field.startsWith('score'));
  const scoreField = score.names[0] ? mapping[score.names[0]]! : 'score';
  const scoreType = (scoreField.split(':')[1] as ScoreType | undefined) ?? 'nps';
  const date = of((field) => field.startsWith('date'));
  const dateOrder: DateOrder =
    date.names[0] && mapping[date.names[0]] === 'date:dmy' ? 'dmy' : 'mdy';
  const fields = {
    email: single('email'),
    name: single('name'),
    phone: single('phone'),
    externalId: single('externalId'),
    contactId: single('contactId'),
    company: single('company'),
    accountId: single('accountId'),
    domain: single('domain'),
    metadata: single('metadata'),
  };
  // First name before last name, whatever the column order (Qualtrics puts the last name first).
  const rank = (column: string) =>
    /first|given/i.test(column) ? 0 : /last|family|surname/i.test(column) ? 2 : 1;
  const nameOrder = fields.name.indexes
    .map((index, i) => ({ index, rank: rank(fields.name.names[i]!) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ index }) => index);
  const cell = (cells: string[], index: number | undefined) =>
    index === undefined ? '' : (cells[index] ?? '');
  const first = (cells: string[], found: Columns) => {
    for (const index of found.indexes) {
      const value = cell(cells, index).trim();
      if (value !== '') return value;
    }
    return undefined;
  };
  const sourceOf = (cells: string[], field: string): string => {
    const found =
      field === 'text' ? text : field === 'score' ? score : field === 'date' ? date : undefined;
    const columnsOf = found ?? (fields as Record<string, Columns>)[field];
    if (!columnsOf || columnsOf.names.length === 0) return '';
    const index =
      columnsOf.indexes.find((i) => cell(cells, i).trim() !== '') ?? columnsOf.indexes[0];
    return ` (column "${columns[index!]}": ${shown(cell(cells, index))})`;
  };

  return (cells) => {
    const texts = text.indexes
      .map((index) => cell(cells, index))
      .filter((value) => value.trim() !== '');
    const itemText = texts.join('\n\n');
    if (itemText.length > MAX_TEXT_LENGTH)
      return {
        error: `text: ${itemText.length.toLocaleString('en')} characters, more than the limit of ${MAX_TEXT_LENGTH.toLocaleString('en')}`,
      };
    let scoreValue: number | null | undefined = null;
    const scoreCell = first(cells, score);
    if (scoreCell !== undefined) {
      scoreValue = readScore(scoreCell, scoreType);
      if (scoreValue === undefined)
        return { error: `score: is not a whole number${sourceOf(cells, 'score')}` };
    }
    if (itemText.trim() === '' && scoreValue === null) return { empty: true };
    const dateCell = first(cells, date);
    const receivedAt = dateCell === undefined ? null : readDate(dateCell, dateOrder);
    if (receivedAt === undefined)
      return { error: `date: is not a date (write 2024-03-05 14:22:00)${sourceOf(cells, 'date')}` };
    const name = nameOrder
      .map((index) => cell(cells, index).trim())
      .filter(Boolean)
      .join(' ');
    const contact = {
      email: first(cells, fields.email),
      externalId: first(cells, fields.contactId),
      phone: first(cells, fields.phone),
      name: name || undefined,
    };
    const domainCell = first(cells, fields.domain);
    const account = {
      externalId: first(cells, fields.accountId),
      name: first(cells, fields.company),
      domain: domainCell === undefined ? undefined : readDomain(domainCell),
    };
    const metadata: Record<string, string> = {};
    fields.metadata.indexes.forEach((index, i) => {
      const value = cell(cells, index);
      if (value.trim() !== '') metadata[fields.metadata.names[i]!] = value;
    });
    const item = {
      text: itemText,
      ...(scoreValue === null ? {} : { score: { type: scoreType, value: scoreValue } }),
      ...(receivedAt ? { receivedAt } : {}),
      ...(first(cells, fields.externalId) ? { externalId: first(cells, fields.externalId) } : {}),
      ...(Object.values(contact).some(Boolean) ? { contact: compact(contact) } : {}),
      ...(Object.values(account).some(Boolean) ? { account: compact(account) } : {}),
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    };
    const parsed = feedbackItemSchema.safeParse(item);
    if (parsed.success) return { item: parsed.data };
    const reasons = parsed.error.issues.map((issue) => {
      const field = fieldOfPath(issue.path);
      return `${field}: ${issue.message}${sourceOf(cells, field)}`;
    });
    return { error: reasons.join('; ') };
  };
}

function compact<T extends Record<string, string | undefined>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
