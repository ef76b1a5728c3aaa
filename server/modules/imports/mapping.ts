import { errors } from '../../errors.ts';
import type { FeedbackItem } from '../ingest/ingest.schemas.ts';
import { compileMapping } from './convert.ts';
import type { ColumnMapping, ImportField } from './import.schemas.ts';
import { profileColumn, scaleFromValues, type ColumnProfile } from './profile.ts';
import { dateOrderOf, SCALES, type ScoreType } from './values.ts';
import {
  EXACT_HEADERS,
  NEVER_MAPPED,
  normaliseHeader,
  type HeaderInfo,
  type Vendor,
} from './vendors.ts';

type BaseField = Exclude<ImportField, `score:${string}` | `date:${string}` | 'metadata' | 'ignore'>;

export interface MappingDetection {
  vendor: Vendor | null;
  /** Column → field for every column used, with the score scale resolved (`score:nps`). */
  mapping: ColumnMapping;
  /** 0–1: how sure the text and score columns are right (1 when given explicitly). */
  confidence: number;
  /** Columns that are not imported. */
  unmapped: string[];
  /** The first 10 sample rows as feedback items (rows that fail are in `previewErrors`). */
  preview: FeedbackItem[];
  previewErrors: Array<{ row: number; message: string }>;
  /** How the scale and date order were decided, for people to check. */
  notes: string[];
}

interface Rule {
  field: BaseField;
  pattern: RegExp;
  weight: number;
  unless?: RegExp;
  scale?: ScoreType;
}

/** Words in a header or question that suggest a field, with how much they suggest it. */
const RULES: Rule[] = [
  { field: 'score', pattern: /\b(nps|net promoter|recommend)/, weight: 0.9, scale: 'nps' },
  { field: 'score', pattern: /\blikely\b/, weight: 0.8, scale: 'nps' },
  { field: 'score', pattern: /\b(csat|satisf)/, weight: 0.85, scale: 'csat' },
  { field: 'score', pattern: /\b(ces|effort|easy)\b/, weight: 0.8, scale: 'ces' },
  { field: 'score', pattern: /\b(score|rating|rate)\b/, weight: 0.75 },
  {
    field: 'text',
    pattern: /\b(comments?|feedback|verbatim|open-ended|suggestions?|remarks?)\b/,
    weight: 0.85,
  },
  {
    field: 'text',
    pattern:
      /\b(why|reason|tell us|explain|describe|improve|anything else|what could|what can we|what did you|what do you)\b/,
    weight: 0.75,
  },
  { field: 'email', pattern: /\be-?mail\b/, weight: 0.85 },
  { field: 'name', pattern: /\b(first|last|given|family|sur) ?name\b|\bsurname\b/, weight: 0.8 },
  {
    field: 'name',
    pattern: /\bname\b/,
    weight: 0.65,
    unless:
      /(company|account|organi[sz]ation|survey|collector|file|product|group|assignee|agent|brand|campaign|user ?name|screen|domain)/,
  },
  { field: 'phone', pattern: /\b(phone|mobile|cell|telephone|tel)\b/, weight: 0.8 },
  { field: 'accountId', pattern: /\b(company|account|organi[sz]ation|org) ?id\b/, weight: 0.85 },
  {
    field: 'contactId',
    pattern: /\b(person|customer|user|contact|client|member|requester) ?id\b|external ?(data )?ref/,
    weight: 0.75,
  },
  {
    field: 'externalId',
    pattern: /\b(response|submission|ticket|feedback|answer|respondent) ?id\b|^(id|uuid)$/,
    weight: 0.75,
  },
  {
    field: 'company',
    pattern: /\b(company|organi[sz]ation|account|business|employer)\b/,
    weight: 0.7,
    unless: /\bid\b|domain|e-?mail|size|type|industry|tier/,
  },
  { field: 'domain', pattern: /\b(domain|website)\b/, weight: 0.8 },
  {
    field: 'date',
    pattern: /\b(date|time|timestamp|created|submitted|recorded|responded|answered|completed)\b/,
    weight: 0.65,
  },
];

const FIRST_OR_LAST = /first|last|given|family|surname/;

interface Candidate {
  column: string;
  index: number;
  field: BaseField;
  weight: number;
  scale?: ScoreType | undefined;
}

/** How far a column's values bear out a field suggested by its name (0 rules it out). */
function valueFit(field: BaseField, profile: ColumnProfile): number {
  if (profile.count === 0) return 0.9;
  switch (field) {
    case 'score':
      // A name that says "score" survives a few typos in a small sample; each is reported later.
      return profile.scoreLike >= 0.8 ? 1 : profile.scoreLike >= 0.5 ? 0.7 : 0;
    case 'email':
      return profile.email >= 0.8 ? 1 : 0.3;
    case 'date':
      return profile.date >= 0.8 ? 1 : 0.2;
    case 'phone':
      return profile.phone >= 0.8 ? 1 : 0;
    case 'domain':
      return profile.domain >= 0.8 ? 1 : 0.3;
    case 'text':
      return Math.max(profile.email, profile.date, profile.integer) >= 0.8 ? 0 : 1;
    case 'name':
    case 'company':
      return profile.email >= 0.5 || profile.integer >= 0.8 ? 0 : 1;
    default:
      return 1;
  }
}

/** Fields suggested by the values alone, for columns whose names say nothing. */
function fromValues(profile: ColumnProfile): Array<{ field: BaseField; weight: number }> {
  if (profile.count < 3) return [];
  const found: Array<{ field: BaseField; weight: number }> = [];
  if (profile.email >= 0.9) found.push({ field: 'email', weight: 0.6 });
  if (profile.date >= 0.9 && profile.integer < 0.5) found.push({ field: 'date', weight: 0.4 });
  if (profile.averageLength >= 20 && profile.spaced >= 0.5 && profile.email < 0.5)
    found.push({ field: 'text', weight: 0.45 });
  if (profile.integer >= 0.95 && profile.score >= 0.95 && profile.distinct >= 2)
    found.push({ field: 'score', weight: 0.35 });
  return found;
}

function candidatesOf(header: HeaderInfo, sample: string[][]): Candidate[] {
  const candidates: Candidate[] = [];
  header.columns.forEach((column, index) => {
    const name = normaliseHeader(column);
    const label = normaliseHeader(header.labels[index] ?? '');
    const profile = profileColumn(sample.map((row) => row[index] ?? ''));
    const exact = EXACT_HEADERS[name] ?? (label ? EXACT_HEADERS[label] : undefined);
    if (exact) {
      const [field, weight] = exact;
      const [base, scale] = field.split(':') as [BaseField, ScoreType | undefined];
      const fit = valueFit(base, profile);
      if (fit > 0) candidates.push({ column, index, field: base, weight: weight * fit, scale });
    }
    if (NEVER_MAPPED.test(name)) return;
    const words = label && label !== name ? `${name} | ${label}` : name;
    for (const rule of RULES) {
      if (!rule.pattern.test(words) || rule.unless?.test(words)) continue;
      const fit = valueFit(rule.field, profile);
      if (fit > 0)
        candidates.push({
          column,
          index,
          field: rule.field,
          weight: rule.weight * fit,
          scale: rule.scale,
        });
    }
    for (const guess of fromValues(profile)) candidates.push({ column, index, ...guess });
  });
  return candidates.sort((a, b) => b.weight - a.weight || a.index - b.index);
}

function resolveExplicit(columns: string[], explicit: ColumnMapping): ColumnMapping {
  const resolved: ColumnMapping = {};
  const unknown: string[] = [];
  for (const [key, field] of Object.entries(explicit)) {
    const column =
      columns.find((name) => name === key) ??
      columns.find((name) => normaliseHeader(name) === normaliseHeader(key));
    if (column) resolved[column] = field;
    else unknown.push(key);
  }
  if (unknown.length > 0) {
    const known = columns.map((name) => JSON.stringify(name)).join(', ');
    throw errors.invalid(
      `The mapping names columns the file does not have: ${unknown.map((key) => JSON.stringify(key)).join(', ')}. ` +
        `The columns are ${known}.`,
      unknown.map((key) => ({ path: `mapping.${key}`, message: `no such column` })),
    );
  }
  return resolved;
}

const familyOf = (field: ImportField) => field.split(':')[0]!;

/**
 * Works out which column holds what, from the header names (and question texts), the vendor's
 * known export headers and a sample of values; an explicit `{ column -> field }` mapping wins and
 * detection fills only the fields it leaves out. Picks the scale of the score column from its
 * name and values, and the order of slashed dates from values above 12.
 */
export function detectMapping(
  header: HeaderInfo,
  sample: string[][],
  explicit: ColumnMapping = {},
): MappingDetection {
  const { columns } = header;
  const mapping = resolveExplicit(columns, explicit);
  const weights = new Map<string, number>(Object.keys(mapping).map((column) => [column, 1]));
  const scales = new Map<string, ScoreType | undefined>();
  const taken = new Set(Object.values(mapping).map(familyOf));
  const names: string[] = [];
  for (const candidate of candidatesOf(header, sample)) {
    if (mapping[candidate.column] !== undefined) continue;
    const isName = candidate.field === 'name';
    const secondName =
      isName &&
      names.length === 1 &&
      FIRST_OR_LAST.test(normaliseHeader(names[0]!)) &&
      FIRST_OR_LAST.test(normaliseHeader(candidate.column));
    if (taken.has(candidate.field) && !secondName) continue;
    mapping[candidate.column] = candidate.field;
    weights.set(candidate.column, candidate.weight);
    scales.set(candidate.column, candidate.scale);
    taken.add(candidate.field);
    if (isName) names.push(candidate.column);
  }
  const notes: string[] = [];
  for (const [column, field] of Object.entries(mapping)) {
    const values = sample.map((row) => row[columns.indexOf(column)] ?? '');
    if (field === 'score') {
      const { scale, note } = scaleFromValues(values, scales.get(column), header.vendor);
      mapping[column] = `score:${scale}`;
      notes.push(
        `"${column}" read as ${scale.toUpperCase()} (${SCALES[scale].join('–')}): ${note}`,
      );
    } else if (field === 'date' && dateOrderOf(values) === 'dmy') {
      mapping[column] = 'date:dmy';
      notes.push(`"${column}" has day-first dates (a first part above 12)`);
    }
  }
  const key = columns
    .filter((column) => ['text', 'score'].includes(familyOf(mapping[column] ?? 'ignore')))
    .map((column) => weights.get(column) ?? 0);
  const confidence =
    key.length === 0
      ? 0
      : Math.min(
          1,
          (key.reduce((sum, weight) => sum + weight, 0) / key.length) *
            (key.length >= 2 ? 1 : 0.9) +
            (header.vendor ? 0.05 : 0),
        );
  const convert = compileMapping(columns, mapping);
  const preview: FeedbackItem[] = [];
  const previewErrors: MappingDetection['previewErrors'] = [];
  sample.slice(0, 10).forEach((row, index) => {
    const converted = convert(row);
    if ('item' in converted) preview.push(converted.item);
    else if ('error' in converted) previewErrors.push({ row: index, message: converted.error });
  });
  const ordered: ColumnMapping = {};
  for (const column of columns) if (mapping[column]) ordered[column] = mapping[column];
  return {
    vendor: header.vendor,
    mapping: ordered,
    confidence: Math.round(confidence * 100) / 100,
    unmapped: columns.filter((column) => mapping[column] === undefined),
    preview,
    previewErrors,
    notes,
  };
}
