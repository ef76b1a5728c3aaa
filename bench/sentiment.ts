import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vader from 'vader-sentiment';
import { analyseSentiment } from '../server/modules/analysis/sentiment/index.ts';
import { SENTIMENT_LABELS, type SentimentLabel } from '../server/modules/analysis/types.ts';
import { note, noteMachine, perSecond, printFigures, printTable, progress } from './lib/report.ts';
import type { Cell } from './lib/report.ts';
import { loadLabelled, score, type LabelledItem } from './lib/sentiment-eval.ts';

export const description =
  "Sentiment on labelled customer feedback: Hearken's engine against plain VADER (accuracy, macro-F1, texts/s)";

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_FILE = 'bench/sentiment/feedback-sentiment.jsonl';
/** "Short texts" for throughput: what a survey comment or a tweet is. */
const SHORT_CHARS = 280;
const TIMED_MS = 2_000;

function stringArg(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const resolvePath = (path: string) => (isAbsolute(path) ? path : join(ROOT, path));

const vaderLabel = (text: string): SentimentLabel => {
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
};
const oursLabel = (text: string): SentimentLabel => analyseSentiment(text).label;

interface Row {
  group: string;
  items: LabelledItem[];
  ours: SentimentLabel[];
  vader: SentimentLabel[];
}

function groupBy(
  items: LabelledItem[],
  ours: SentimentLabel[],
  plain: SentimentLabel[],
  key: (item: LabelledItem) => string,
): Row[] {
  const rows = new Map<string, Row>();
  items.forEach((item, index) => {
    const group = key(item);
    let row = rows.get(group);
    if (!row) rows.set(group, (row = { group, items: [], ours: [], vader: [] }));
    row.items.push(item);
    row.ours.push(ours[index]!);
    row.vader.push(plain[index]!);
  });
  return [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
}

const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—');

function figuresRow(row: Row): Cell[] {
  const expected = row.items.map((item) => item.label);
  const ours = score(expected, row.ours);
  const plain = score(expected, row.vader);
  return [
    row.group,
    row.items.length,
    percent(ours.accuracy),
    percent(ours.macroF1),
    percent(plain.accuracy),
    percent(plain.macroF1),
  ];
}

function printConfusion(title: string, row: Row): void {
  const { confusion } = score(
    row.items.map((item) => item.label),
    row.ours,
  );
  printTable(
    title,
    ['expected \\ ours', ...SENTIMENT_LABELS],
    SENTIMENT_LABELS.map((label) => [
      label,
      ...SENTIMENT_LABELS.map((guess) => confusion[label][guess]),
    ]),
  );
}

/**
 * Texts per second on one core: warm up, then repeat the short texts for a fixed time. The rate
 * is per second of this process's CPU time (one thread runs the engine), so other load on the
 * machine does not lower it; the wall-clock rate is reported beside it.
 */
function throughput(
  texts: string[],
  analyse: (text: string) => unknown,
): { cpu: number; wall: number } {
  for (let round = 0; round < 3; round += 1) for (const text of texts) analyse(text);
  let done = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < TIMED_MS) {
    for (const text of texts) analyse(text);
    done += texts.length;
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: perSecond(done, (cpu.user + cpu.system) / 1000), wall: perSecond(done, wallMs) };
}

export async function main(args: string[]): Promise<void> {
  const file = resolvePath(stringArg(args, 'file') ?? DEFAULT_FILE);
  const correctionsFile = stringArg(args, 'corrections');
  if (!existsSync(file)) throw new Error(`No labelled set at ${file}; pass --file PATH`);
  const items = loadLabelled(file);
  if (correctionsFile) items.push(...loadLabelled(resolvePath(correctionsFile), 'corrections'));
  progress(
    `${items.length} labelled texts from ${file}${correctionsFile ? ` and ${correctionsFile}` : ''}`,
  );

  const ours = items.map((item) => oursLabel(item.text));
  const plain = items.map((item) => vaderLabel(item.text));
  const headers = ['group', 'texts', 'ours acc', 'ours macro-F1', 'VADER acc', 'VADER macro-F1'];
  const bySplit = groupBy(items, ours, plain, (item) => item.split);
  printTable(
    'Sentiment by split (macro-F1 over negative, neutral, positive, mixed)',
    headers,
    bySplit.map(figuresRow),
  );
  note(
    'plain VADER has no "mixed": compound ≥ 0.05 positive, ≤ -0.05 negative, else neutral; its mixed F1 is 0',
  );
  note('rules and lexicon were set on the dev split only; test is held out');
  const bySource = groupBy(items, ours, plain, (item) => `${item.split} / ${item.source}`);
  printTable('Sentiment by split and source', headers, bySource.map(figuresRow));
  const withoutMixed = items
    .map((item, index) => index)
    .filter((index) => items[index]!.label !== 'mixed');
  const threeWay = groupBy(
    withoutMixed.map((index) => items[index]!),
    withoutMixed.map((index) => ours[index]!),
    withoutMixed.map((index) => plain[index]!),
    (item) => item.split,
  );
  printTable(
    'Without the mixed items (the three labels VADER has)',
    headers,
    threeWay.map(figuresRow),
  );
  for (const row of bySplit) printConfusion(`Confusion, ours, ${row.group}`, row);

  const short = items.filter((item) => item.text.length <= SHORT_CHARS).map((item) => item.text);
  const meanChars = Math.round(
    short.reduce((sum, text) => sum + text.length, 0) / Math.max(1, short.length),
  );
  progress(`throughput on ${short.length} short texts (≤ ${SHORT_CHARS} chars, mean ${meanChars})`);
  const oursRate = throughput(short, analyseSentiment);
  const vaderRate = throughput(short, (text) =>
    vader.SentimentIntensityAnalyzer.polarity_scores(text),
  );
  printTable(
    'Throughput, one core (one Node thread)',
    ['engine', 'texts/s (CPU time)', 'µs/text', 'texts/s (wall clock)'],
    [
      ['ours (analyseSentiment)', oursRate.cpu, (1e6 / oursRate.cpu).toFixed(1), oursRate.wall],
      [
        'plain VADER (polarity_scores)',
        vaderRate.cpu,
        (1e6 / vaderRate.cpu).toFixed(1),
        vaderRate.wall,
      ],
    ],
  );
  note(
    `${short.length} texts of ≤ ${SHORT_CHARS} chars (mean ${meanChars}), warmed up 3 rounds, timed ${TIMED_MS / 1000} s`,
  );
  note('texts/s (CPU time) counts this process’s CPU seconds, so a busy machine does not lower it');
  noteMachine();

  const test = bySplit.find((row) => row.group === 'test');
  const expected = test?.items.map((item) => item.label) ?? [];
  const oursTest = test ? score(expected, test.ours) : undefined;
  const vaderTest = test ? score(expected, test.vader) : undefined;
  const corrections = bySplit.find((row) => row.group === 'corrections');
  const correctionFigures = corrections
    ? {
        ours_accuracy_corrections: score(
          corrections.items.map((item) => item.label),
          corrections.ours,
        ).accuracy,
        vader_accuracy_corrections: score(
          corrections.items.map((item) => item.label),
          corrections.vader,
        ).accuracy,
      }
    : {};
  printFigures({
    ours_accuracy_test: oursTest?.accuracy,
    ours_macro_f1_test: oursTest?.macroF1,
    vader_accuracy_test: vaderTest?.accuracy,
    vader_macro_f1_test: vaderTest?.macroF1,
    ...correctionFigures,
    ours_texts_per_s: oursRate.cpu,
    vader_texts_per_s: vaderRate.cpu,
  });
}
