import { performance } from 'node:perf_hooks';
import { extractKeyPhrases } from '../server/modules/analysis/themes/key-phrases.ts';
import { clusterItems, type ThemeItem } from '../server/modules/analysis/themes/cluster.ts';
import { nmi, purity } from './lib/cluster-metrics.ts';
import { readLabelled, synthesise, type LabelledItem } from './lib/themes-data.ts';
import { intArg, note, noteMachine, printFigures, printTable, progress } from './lib/report.ts';

export const description =
  'Theme clustering: purity and NMI against the labelled theme set; time and memory for 100k items';

const DEFAULT_FILE = 'bench/themes/feedback-themes.jsonl';

interface Quality {
  themes: number;
  coverage: number;
  purity: number;
  nmi: number;
  nmiAssigned: number;
}

/** Clusters labelled items and compares with the labels; unassigned items count as one cluster. */
function quality(rows: LabelledItem[]): Quality {
  const result = clusterItems(toItems(rows));
  const clusters = rows.map(() => 'unassigned');
  result.themes.forEach((theme, index) => {
    for (const member of theme.members) clusters[member] = `theme-${index}`;
  });
  const labels = rows.map((row) => row.theme);
  const assigned = clusters.flatMap((cluster, index) => (cluster === 'unassigned' ? [] : [index]));
  return {
    themes: result.themes.length,
    coverage: assigned.length / rows.length,
    purity: purity(labels, clusters),
    nmi: nmi(labels, clusters),
    nmiAssigned: nmi(
      assigned.map((index) => labels[index]!),
      assigned.map((index) => clusters[index]!),
    ),
  };
}

function toItems(rows: LabelledItem[]): ThemeItem[] {
  return rows.map((row) => ({
    id: row.id,
    phrases: extractKeyPhrases(row.text).map((phrase) => phrase.phrase),
  }));
}

function fileArg(args: string[]): string {
  return args.find((arg) => arg.startsWith('--file='))?.slice('--file='.length) ?? DEFAULT_FILE;
}

export async function main(args: string[]): Promise<void> {
  const file = fileArg(args);
  const count = intArg(args, 'items', 100_000);
  const labelled = readLabelled(file);
  noteMachine();
  const figures: Record<string, number | string | undefined> = {};
  if (labelled) {
    const splits: Array<[string, LabelledItem[]]> = [
      ['all', labelled],
      ['dev', labelled.filter((row) => Number(row.id.slice(1)) % 3 !== 0)],
      ['test', labelled.filter((row) => Number(row.id.slice(1)) % 3 === 0)],
    ];
    const rows = splits.map(([name, items]) => ({ name, n: items.length, ...quality(items) }));
    printTable(
      `Clustering against the labels (${file}, ${new Set(labelled.map((row) => row.theme)).size} themes)`,
      ['split', 'items', 'themes found', 'coverage', 'purity', 'NMI', 'NMI (assigned)'],
      rows.map((row) => [
        row.name,
        row.n,
        row.themes,
        row.coverage.toFixed(3),
        row.purity.toFixed(3),
        row.nmi.toFixed(3),
        row.nmiAssigned.toFixed(3),
      ]),
    );
    note('purity and NMI count unassigned items as one cluster; NMI (assigned) leaves them out');
    const all = rows[0]!;
    Object.assign(figures, {
      purity: all.purity,
      nmi: all.nmi,
      coverage: all.coverage,
      themes: all.themes,
      test_purity: rows[2]!.purity,
      test_nmi: rows[2]!.nmi,
    });
  } else {
    note(`no labelled set at ${file}: quality skipped, synthetic items from built-in templates`);
  }
  progress(`synthesising ${count} items`);
  const { items, fromLabelled } = synthesise(labelled, count);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const themeItems = toItems(items);
  const extracted = performance.now();
  const cpuExtract = process.cpuUsage(cpuStart);
  progress(`key phrases in ${Math.round(extracted - started)} ms; clustering`);
  const result = clusterItems(themeItems);
  const clustered = performance.now();
  const cpuCluster = process.cpuUsage(cpuStart);
  const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
  const extractCpu = cpuSeconds(cpuExtract);
  const clusterCpu = cpuSeconds(cpuCluster) - extractCpu;
  const row = (phase: string, ms: number, cpu: number) => [
    phase,
    (ms / 1000).toFixed(1),
    cpu.toFixed(1),
    Math.round((count * 1000) / ms),
  ];
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const extractMs = extracted - started;
  const clusterMs = clustered - extracted;
  printTable(
    `Scale: ${count.toLocaleString('en-US')} synthetic items (${fromLabelled ? 'recombined labelled sentences' : 'templates'}, seed 42)`,
    ['phase', 'seconds', 'CPU seconds', 'items/s'],
    [
      row('key phrases (wink-nlp)', extractMs, extractCpu),
      row('clustering', clusterMs, clusterCpu),
      row('total', extractMs + clusterMs, extractCpu + clusterCpu),
    ],
  );
  note('seconds are wall-clock; CPU seconds show the work when other processes share the cores');
  note(
    `${result.themes.length} themes, ${result.unassigned.length} items unassigned; peak RSS ${Math.round(rssMb)} MB`,
  );
  printFigures({
    ...figures,
    items: count,
    extract_s: extractMs / 1000,
    cluster_s: clusterMs / 1000,
    extract_cpu_s: extractCpu,
    cluster_cpu_s: clusterCpu,
    total_s: (extractMs + clusterMs) / 1000,
    scale_themes: result.themes.length,
    peak_rss_mb: Math.round(rssMb),
  });
}
