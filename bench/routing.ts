import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../server/db/client.ts';
import { SYSTEM_ACTOR } from '../server/modules/audit/audit.service.ts';
import { caseRuleInput } from '../server/modules/case-rules/case-rules.schemas.ts';
import { createRule } from '../server/modules/case-rules/case-rules.service.ts';
import { routeFeedback } from '../server/modules/case-rules/routing.service.ts';
import { insertUser } from '../server/modules/auth/auth.repository.ts';
import { upsertMembership } from '../server/modules/workspaces/workspaces.repository.ts';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspaces.service.ts';
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
  'Case routing: routeFeedback over seeded analysed feedback (--workspaces=N --items=N --batch=N, --postgres)';

const THEMES = 20;
const AGENTS = 5;

interface Seeded {
  ws: string;
  ids: string[];
}

/**
 * One workspace: agents, a team with a calendar, accounts with owners, contacts (two items each
 * on average, so some merge), analysed feedback with themes, and four rules (strategic accounts
 * to the account owner with business hours, a theme to a team, detractors in turn, praise to a
 * thank-you loop).
 */
async function seedWorkspace(database: Database, index: number, items: number): Promise<Seeded> {
  const db = database.db;
  const owner = await insertUser(db, {
    email: `bench-${Date.now()}-${index}@example.test`,
    name: 'Bench',
    passwordHash: null,
  });
  const workspace = await createWorkspaceWithOwner(db, `Bench ${index}`, owner.id, SYSTEM_ACTOR);
  const ws = workspace.id;
  const agents: string[] = [];
  for (let a = 0; a < AGENTS; a += 1) {
    const user = await insertUser(db, {
      email: `agent-${Date.now()}-${index}-${a}@example.test`,
      name: `Agent ${a}`,
      passwordHash: null,
    });
    await upsertMembership(db, ws, user.id, 'agent');
    agents.push(user.id);
  }
  const [team] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO staff_teams (workspace_id, name, lead_user_id, business_hours, holidays)
        VALUES (${ws}, 'Support', ${owner.id},
          ${JSON.stringify({ timezone: 'Europe/Berlin', days: { mon: ['09:00', '17:00'], tue: ['09:00', '17:00'], wed: ['09:00', '17:00'], thu: ['09:00', '17:00'], fri: ['09:00', '17:00'] } })}::jsonb,
          '["2026-12-24","2026-12-25"]'::jsonb)
        RETURNING id`,
  );
  await db.execute(sql`INSERT INTO staff_people (workspace_id, name, team_id, user_id)
    SELECT ${ws}::uuid, 'Agent', ${team!.id}::uuid, x::uuid
    FROM jsonb_array_elements_text(${JSON.stringify(agents.slice(0, 3))}::jsonb) x`);
  await db.execute(sql`INSERT INTO themes (workspace_id, name)
    SELECT ${ws}::uuid, 'Theme ' || i FROM generate_series(1, ${THEMES}::int) i`);
  await db.execute(sql`INSERT INTO accounts (workspace_id, name, tier, owner_id)
    SELECT ${ws}::uuid, 'Account ' || i, CASE WHEN i % 10 = 0 THEN 'strategic' ELSE 'standard' END,
      (${JSON.stringify(agents)}::jsonb->>(i % ${AGENTS}::int))::uuid
    FROM generate_series(1, ${Math.max(1, Math.floor(items / 20))}::int) i`);
  const contactCount = Math.max(1, Math.floor(items / 2));
  await db.execute(sql`INSERT INTO contacts (workspace_id, account_id, name)
    SELECT ${ws}::uuid, a.id, 'Contact ' || i
    FROM generate_series(1, ${contactCount}::int) i
    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM accounts WHERE workspace_id = ${ws}) a
      ON a.n = 1 + i % ${Math.max(1, Math.floor(items / 20))}::int`);
  await db.execute(sql`INSERT INTO feedback (workspace_id, channel, contact_id, account_id,
      score_type, score, text, received_at)
    SELECT ${ws}::uuid, 'survey', c.id, c.account_id, 'nps', (i * 7) % 11,
      CASE WHEN i % 3 = 0 THEN '' ELSE 'Checkout was slow and the refund took weeks, order ' || i END,
      now() - make_interval(secs => (i * 37) % 36000)
    FROM generate_series(1, ${items}::int) i
    JOIN (SELECT id, account_id, row_number() OVER (ORDER BY id) AS n FROM contacts WHERE workspace_id = ${ws}) c
      ON c.n = 1 + (i * 7919) % ${contactCount}::int`);
  await db.execute(sql`INSERT INTO feedback_analysis (workspace_id, feedback_id, version, language,
      language_confidence, sentiment_label, sentiment_score)
    SELECT workspace_id, id, 1, 'en', 1,
      CASE WHEN score <= 6 THEN 'negative' WHEN score >= 9 THEN 'positive' ELSE 'neutral' END, 0
    FROM feedback WHERE workspace_id = ${ws}`);
  await db.execute(sql`INSERT INTO feedback_themes (workspace_id, feedback_id, theme_id)
    SELECT f.workspace_id, f.id, t.id FROM
      (SELECT workspace_id, id, row_number() OVER (ORDER BY id) % ${THEMES}::int AS n FROM feedback WHERE workspace_id = ${ws}) f
      JOIN (SELECT id, row_number() OVER (ORDER BY id) % ${THEMES}::int AS n FROM themes WHERE workspace_id = ${ws}) t
      ON t.n = f.n`);
  const [theme] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM themes WHERE workspace_id = ${ws} ORDER BY name LIMIT 1`,
  );
  const rules = [
    {
      name: 'Strategic detractors',
      conditions: [{ type: 'detractor' }, { type: 'account_tier', tiers: ['strategic'] }],
      assignment: { strategy: 'account_owner', fallbackUserId: owner.id },
      deadlines: {
        engage: { hours: 4, businessHours: true },
        process: { hours: 40, businessHours: true },
      },
    },
    {
      name: 'Theme to support',
      conditions: [
        { type: 'theme', themeIds: [theme!.id] },
        { type: 'sentiment', labels: ['negative'] },
      ],
      assignment: { strategy: 'team', teamId: team!.id },
      deadlines: { engage: { hours: 8, businessHours: true } },
    },
    {
      name: 'Detractors in turn',
      conditions: [
        { type: 'score_at_most', scoreType: 'nps', value: 6 },
        { type: 'keyword', words: ['refund', 'slow'] },
      ],
      assignment: { strategy: 'round_robin', userIds: agents },
      deadlines: { engage: { hours: 24, businessHours: false } },
    },
    {
      name: 'Bare detractors',
      conditions: [{ type: 'detractor' }],
      assignment: { strategy: 'round_robin', userIds: agents },
      deadlines: { engage: { hours: 24, businessHours: false } },
    },
    {
      name: 'Praise',
      kind: 'thank_you',
      conditions: [{ type: 'positive' }],
      assignment: { strategy: 'account_owner', fallbackUserId: owner.id },
      deadlines: { engage: { hours: 48, businessHours: false } },
    },
  ];
  for (const rule of rules) await createRule({ db }, ws, caseRuleInput.parse(rule), SYSTEM_ACTOR);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM feedback WHERE workspace_id = ${ws} ORDER BY received_at, id`,
  );
  return { ws, ids: rows.map((row) => row.id) };
}

async function counts(database: Database) {
  const [row] = await queryRows<{ cases: number; linked: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM cases) AS cases,
          (SELECT count(*)::int FROM case_feedback) AS linked`,
  );
  return row!;
}

export async function main(args: string[]): Promise<void> {
  const workspaces = intArg(args, 'workspaces', 4);
  const items = intArg(args, 'items', 5000);
  const batch = intArg(args, 'batch', 500);
  const onPostgres = flagArg(args, 'postgres');
  noteMachine();
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
    progress(`seeding ${workspaces} workspaces × ${items} items on ${database.engine}`);
    const seeded: Seeded[] = [];
    for (let index = 0; index < workspaces; index += 1)
      seeded.push(await seedWorkspace(database, index, items));
    const batchMs: number[] = [];
    let routed = 0;
    let opened = 0;
    let merged = 0;
    const now = new Date();
    const started = performance.now();
    // Batches as the analysis hook sees them: in arrival order, workspaces interleaved.
    for (let start = 0; start < items; start += batch)
      for (const { ws, ids } of seeded) {
        const slice = ids.slice(start, start + batch);
        if (slice.length === 0) continue;
        const t = performance.now();
        const outcome = await database.db.transaction((tx) =>
          routeFeedback(tx as unknown as Database['db'], ws, slice, now),
        );
        batchMs.push(performance.now() - t);
        routed += outcome.evaluated;
        opened += outcome.opened;
        merged += outcome.merged;
      }
    const totalMs = performance.now() - started;
    const again = performance.now();
    const repeat = await routeFeedback(
      database.db,
      seeded[0]!.ws,
      seeded[0]!.ids.slice(0, batch),
      now,
    );
    const againMs = performance.now() - again;
    const stored = await counts(database);
    const sorted = [...batchMs].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
    printTable(
      `Routing on ${database.engine}: ${workspaces} workspaces × ${items} items, batches of ${batch}, 5 rules`,
      ['figure', 'value'],
      [
        ['items routed', routed],
        ['cases opened', opened],
        ['items merged into open cases', merged],
        ['items routed/s', perSecond(routed, totalMs)],
        ['cases opened/s', perSecond(opened, totalMs)],
        ['batch p50 ms', median(batchMs)],
        ['batch p99 ms', p99],
        [`same batch again (idempotent) ms`, againMs],
      ],
    );
    note(
      `stored: ${stored.cases} cases, ${stored.linked} items in cases; again opened ${repeat.opened}`,
    );
    note('a third of the items have no words (bare scores); one contact per two items');
    printFigures({
      engine: database.engine,
      workspaces,
      items_per_workspace: items,
      batch,
      items_per_s: perSecond(routed, totalMs),
      cases_per_s: perSecond(opened, totalMs),
      batch_p50_ms: Math.round(median(batchMs)),
      batch_p99_ms: Math.round(p99),
      cases: opened,
      merged,
    });
  } finally {
    await database.close();
    await dropPostgres?.();
  }
}
