import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../server/db/client.ts';
import { SYSTEM_ACTOR } from '../server/modules/audit/audit.service.ts';
import { detectSpike } from '../server/modules/analysis/spikes.ts';
import { conditionsSchema } from '../server/modules/alerts/alerts.schemas.ts';
import { evaluateAlerts } from '../server/modules/alerts/alerts.service.ts';
import { matchesRule, type AlertItem } from '../server/modules/alerts/evaluate.ts';
import { createRule } from '../server/modules/alerts/rules.service.ts';
import { detectSpikes, hourFloor } from '../server/modules/alerts/spikes.service.ts';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspaces.service.ts';
import { insertUser } from '../server/modules/auth/auth.repository.ts';
import { createContext } from '../server/context.ts';
import { createLogger } from '../server/logger.ts';
import { parseConfig } from '../server/config/env.ts';
import { createBenchDatabase } from './lib/postgres.ts';
import {
  flagArg,
  intArg,
  median,
  note,
  noteMachine,
  perSecond,
  printFigures,
  printTable,
  progress,
} from './lib/report.ts';

export const description =
  'Alerts: rule evaluation and spike detection, pure and over a seeded workspace (--items=N, --postgres)';

const THEMES = 50;
const COMPETITORS = 10;
const RULES = 10;
const EVALUATED = 1000;

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

/** The pure parts: how many spike decisions and rule checks a second one core makes. */
function pureFigures() {
  const history = Array.from({ length: 28 }, (_, day) => 5 + ((day * 7) % 5));
  const calls = 100_000;
  const [, spikeMs] = time(() => {
    for (let i = 0; i < calls; i += 1) detectSpike(history, i % 30);
  });
  const rule = {
    conditions: conditionsSchema.parse([
      { type: 'score_at_most', value: 6 },
      { type: 'keyword', words: ['refund', 'cancel my account', 'broken', 'slow', 'rude'] },
    ]),
  };
  const item: AlertItem = {
    id: 'x',
    channel: 'survey',
    touchpointId: null,
    scoreType: 'nps',
    score: 3,
    text: 'The app is slow and support was rude, I want to cancel my account. '.repeat(8),
    accountTier: null,
    sentimentLabel: 'negative',
    themeIds: [],
    mentions: [],
  };
  const [, ruleMs] = time(() => {
    for (let i = 0; i < calls; i += 1) matchesRule(rule, item);
  });
  return { spikePerSecond: perSecond(calls, spikeMs), rulePerSecond: perSecond(calls, ruleMs) };
}

/** N items over the last 29 days (the last EVALUATED in the last 60 hours), with themes and mentions. */
async function seed(database: Database, items: number) {
  const log = createLogger({ LOG_LEVEL: 'silent' });
  const ctx = createContext(
    database.db,
    database.engine,
    parseConfig({ LOG_LEVEL: 'silent' }),
    log,
  );
  const user = await insertUser(database.db, {
    email: `bench-${Date.now()}@example.test`,
    name: 'Bench',
    passwordHash: null,
  });
  const workspace = await createWorkspaceWithOwner(database.db, 'Bench', user.id, SYSTEM_ACTOR);
  const ws = workspace.id;
  const end = hourFloor(new Date());
  await database.db.execute(sql`INSERT INTO themes (workspace_id, name)
    SELECT ${ws}::uuid, 'Theme ' || i FROM generate_series(1, ${THEMES}::int) i`);
  await database.db.execute(sql`INSERT INTO tracked_entities (workspace_id, kind, name)
    SELECT ${ws}::uuid, 'competitor', 'Rival ' || i FROM generate_series(1, ${COMPETITORS}::int) i`);
  await database.db
    .execute(sql`INSERT INTO feedback (workspace_id, channel, score_type, score, text, received_at)
    SELECT ${ws}::uuid, 'survey', 'nps', i % 11, 'Checkout was slow, item ' || i,
      CASE WHEN i > ${items - EVALUATED}::int
        THEN ${end.toISOString()}::timestamptz - make_interval(secs => 60 + (i * 7919) % (60 * 3600))
        ELSE ${end.toISOString()}::timestamptz - make_interval(secs => 3600 + (i * 7919) % (29 * 86400)) END
    FROM generate_series(1, ${items}::int) i`);
  await database.db
    .execute(sql`INSERT INTO feedback_analysis (workspace_id, feedback_id, version, language,
      language_confidence, sentiment_label, sentiment_score)
    SELECT workspace_id, id, 1, 'en', 1, CASE WHEN score <= 6 THEN 'negative' ELSE 'positive' END, 0
    FROM feedback WHERE workspace_id = ${ws}`);
  await database.db.execute(sql`INSERT INTO feedback_themes (workspace_id, feedback_id, theme_id)
    SELECT f.workspace_id, f.id, t.id FROM
      (SELECT workspace_id, id, row_number() OVER (ORDER BY id) % ${THEMES}::int AS n FROM feedback WHERE workspace_id = ${ws}) f
      JOIN (SELECT id, row_number() OVER (ORDER BY id) % ${THEMES}::int AS n FROM themes WHERE workspace_id = ${ws}) t
      ON t.n = f.n`);
  await database.db
    .execute(sql`INSERT INTO mentions (workspace_id, feedback_id, kind, entity_id, start, "end",
      text, sentiment_score, sentiment_label, received_at)
    SELECT f.workspace_id, f.id, 'competitor', e.id, 0, 5, 'Rival', 0, 'neutral', f.received_at FROM
      (SELECT workspace_id, id, received_at, row_number() OVER (ORDER BY id) AS n FROM feedback WHERE workspace_id = ${ws}) f
      JOIN (SELECT id, row_number() OVER (ORDER BY id) % ${COMPETITORS}::int AS n FROM tracked_entities WHERE workspace_id = ${ws}) e
      ON e.n = f.n % ${COMPETITORS}::int WHERE f.n % 10 = 0`);
  for (let index = 0; index < RULES; index += 1)
    await createRule(
      ctx,
      ws,
      {
        name: `Rule ${index}`,
        enabled: true,
        conditions: conditionsSchema.parse([
          { type: 'score_at_most', value: index % 7 },
          { type: 'keyword', words: ['slow', `word${index}`] },
        ]),
        destinations: [{ kind: 'email', addresses: ['ops@example.test'], roles: [] }],
      },
      SYSTEM_ACTOR,
    );
  const recent = await queryRows<{ id: string }>(
    database.db,
    sql`SELECT id FROM feedback WHERE workspace_id = ${ws} ORDER BY received_at DESC LIMIT ${EVALUATED}`,
  );
  return { ws, end, ids: recent.map((row) => row.id) };
}

export async function main(args: string[]): Promise<void> {
  const items = intArg(args, 'items', 50_000);
  const onPostgres = flagArg(args, 'postgres');
  noteMachine();
  const pure = pureFigures();
  printTable(
    'Pure functions (one core)',
    ['function', 'calls/s'],
    [
      ['detectSpike (28-day history)', pure.spikePerSecond],
      ['matchesRule (score + 5 keywords, 560-char text)', pure.rulePerSecond],
    ],
  );

  let dropPostgres: (() => Promise<void>) | undefined;
  let url: string | undefined;
  if (onPostgres) {
    const created = await createBenchDatabase();
    if (!created.ok) throw new Error(created.reason);
    url = created.database.url;
    dropPostgres = created.database.drop;
  }
  const database = await openDatabase({ databaseUrl: url });
  try {
    await database.migrate();
    progress(`seeding ${items} items on ${database.engine}`);
    const { ws, end, ids } = await seed(database, items);
    const spikeRuns: number[] = [];
    let found = { subjects: 0, spikes: 0, alerts: 0 };
    for (let run = 0; run < 3; run += 1) {
      const [result, ms] = await timeAsync(() => detectSpikes(database.db, ws, end));
      spikeRuns.push(ms);
      if (run === 0) found = result;
    }
    const [first, evaluateMs] = await timeAsync(() => evaluateAlerts(database.db, ws, ids));
    const [, repeatMs] = await timeAsync(() => evaluateAlerts(database.db, ws, ids));
    printTable(
      `One workspace on ${database.engine}: ${items} items over 29 days, ${THEMES} themes, ${COMPETITORS} competitors, ${RULES} rules`,
      ['step', 'ms', 'result'],
      [
        [
          'detectSpikes (median of 3)',
          median(spikeRuns),
          `${found.subjects} subjects, ${found.spikes} spikes`,
        ],
        [`evaluateAlerts, ${EVALUATED} new items`, evaluateMs, `${first.fired} alerts fired`],
        [`evaluateAlerts again (idempotent)`, repeatMs, 'no new alerts'],
      ],
    );
    note('each fired alert also writes one delivery and one job per destination (one here)');
    note(`the ${EVALUATED} recent items raise the last days' volume, so a few spikes are real`);
    printFigures({
      engine: database.engine,
      items,
      spike_calls_per_s: pure.spikePerSecond,
      rule_checks_per_s: pure.rulePerSecond,
      detect_spikes_ms: Math.round(median(spikeRuns)),
      evaluate_1000_ms: Math.round(evaluateMs),
      evaluate_again_ms: Math.round(repeatMs),
      alerts_fired: first.fired,
    });
  } finally {
    await database.close();
    await dropPostgres?.();
  }
}
