import { asc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.ts';
import { accounts, contacts, feedback } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { demoSeedJob } from './demo.jobs.ts';
import { seedDemo } from './demo.seed.ts';

const NOW = new Date('2025-06-15T12:00:00Z');

function feedbackRows(db: Db, workspaceId: string) {
  return db
    .select({
      id: feedback.id,
      channel: feedback.channel,
      scoreType: feedback.scoreType,
      score: feedback.score,
      text: feedback.text,
      receivedAt: feedback.receivedAt,
      contactId: feedback.contactId,
      accountId: feedback.accountId,
      touchpointId: feedback.touchpointId,
    })
    .from(feedback)
    .where(eq(feedback.workspaceId, workspaceId))
    .orderBy(asc(feedback.receivedAt), asc(feedback.id));
}

async function tableCounts(db: Db, workspaceId: string) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM touchpoints WHERE workspace_id = ${workspaceId}) AS touchpoints,
          (SELECT count(*)::int FROM accounts WHERE workspace_id = ${workspaceId}) AS accounts,
          (SELECT count(*)::int FROM contacts WHERE workspace_id = ${workspaceId}) AS contacts,
          (SELECT count(*)::int FROM feedback WHERE workspace_id = ${workspaceId}) AS feedback`,
  );
  return row;
}

const npsOf = (scores: number[]) =>
  (100 *
    (scores.filter((score) => score >= 9).length - scores.filter((score) => score <= 6).length)) /
  scores.length;

describeEachEngine('demo seed', ({ ctx }) => {
  it('creates a lively workspace: 8 touchpoints, 60 accounts, 600 contacts, 3,000 items over 18 months', async () => {
    const { db } = ctx();
    const workspace = await createTestWorkspace(ctx());
    const progress: [number, number][] = [];
    const counts = await seedDemo(db, workspace.id, {
      now: NOW,
      onProgress: (done, total) => progress.push([done, total]),
    });

    const expected = { touchpoints: 8, accounts: 60, contacts: 600, feedback: 3000 };
    // The directory: 6 teams, 8 people and 16 tracked names (brand, products, features, rivals).
    expect(counts).toEqual({
      ...expected,
      directory: 30,
      caseRules: 3,
      cases: expect.any(Number),
    });
    // Half a year of detractor cases: most closed with an outcome after they opened, the last
    // weeks' still open, and never two open cases for one contact.
    const [loops] = await queryRows<Record<string, number>>(
      db,
      sql`SELECT count(*)::int AS cases,
            count(*) FILTER (WHERE stage = 'closed')::int AS closed,
            count(*) FILTER (WHERE stage = 'closed' AND outcome IS NOT NULL
              AND closed_at > created_at AND resolution <> '')::int AS "closedWell",
            count(*) FILTER (WHERE stage <> 'closed' AND created_at > ${NOW.toISOString()}::timestamptz - interval '21 days')::int AS "openRecent",
            count(*) FILTER (WHERE stage <> 'closed')::int AS open,
            count(DISTINCT contact_id) FILTER (WHERE stage <> 'closed')::int AS "openContacts"
          FROM cases WHERE workspace_id = ${workspace.id}`,
    );
    expect(loops!.cases).toBe(counts.cases);
    expect(loops!.cases).toBeGreaterThan(50);
    expect(loops!.closedWell).toBe(loops!.closed);
    expect(loops!.closed).toBeGreaterThan(loops!.open!);
    expect(loops!.openRecent).toBe(loops!.open);
    expect(loops!.openContacts).toBe(loops!.open);
    expect(await tableCounts(db, workspace.id)).toEqual(expected);
    const staff = await queryRows<{ nicknames: string[]; team: string | null }>(
      db,
      sql`SELECT p.nicknames, t.name AS team FROM staff_people p
          LEFT JOIN staff_teams t ON t.workspace_id = p.workspace_id AND t.id = p.team_id
          WHERE p.workspace_id = ${workspace.id}`,
    );
    expect(staff.map((person) => person.nicknames[0]).sort()).toEqual(
      ['Aisha', 'Jonas', 'Leila', 'Marco', 'Mei', 'Priya', 'Sam', 'Tom'].sort(),
    );
    expect(staff.every((person) => person.team !== null)).toBe(true);
    // Batches of at most 500 rows, each reported, ending at the total.
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toEqual([3668, 3668]);
    expect(
      progress.every(([done], index) => index === 0 || done > (progress[index - 1]?.[0] ?? 0)),
    ).toBe(true);

    const rows = await feedbackRows(db, workspace.id);
    const months = new Set(rows.map((row) => row.receivedAt.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    const earliest = new Date(Date.UTC(2024, 0, 1));
    expect(rows.every((row) => row.receivedAt >= earliest && row.receivedAt <= NOW)).toBe(true);

    const byChannel = new Map<string, number>();
    for (const row of rows) byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + 1);
    expect(byChannel.size).toBeGreaterThanOrEqual(6);
    expect(Math.max(...byChannel.values())).toBe(byChannel.get('survey'));

    const ranges = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
    for (const row of rows) {
      if (row.scoreType === null) expect(row.score).toBeNull();
      else
        expect(row.score).toSatisfy(
          (score: number) =>
            score >= ranges[row.scoreType!][0] && score <= ranges[row.scoreType!][1],
        );
      if (['email', 'call', 'forum', 'social', 'api'].includes(row.channel)) {
        expect(row.scoreType).toBeNull();
        expect(row.text).not.toBe('');
      }
    }
    const texts = rows.map((row) => row.text).filter(Boolean);
    expect(new Set(texts).size).toBeGreaterThan(800);
    expect(texts.some((text) => /Acme Insights|Globex Analytics|Umbrella CX/.test(text))).toBe(
      true,
    );
    expect(texts.some((text) => /charged twice/.test(text))).toBe(true);

    // NPS improves: the last six months beat the first six.
    const nps = rows.filter((row) => row.scoreType === 'nps').map((row) => row.score ?? 0);
    const sixth = Math.floor(nps.length / 3);
    expect(npsOf(nps.slice(-sixth))).toBeGreaterThan(npsOf(nps.slice(0, sixth)) + 5);

    // Feedback's account is its contact's account; a few strategic accounts, most standard.
    const contactAccount = new Map(
      (
        await db
          .select({ id: contacts.id, accountId: contacts.accountId })
          .from(contacts)
          .where(eq(contacts.workspaceId, workspace.id))
      ).map((contact) => [contact.id, contact.accountId]),
    );
    expect(
      rows
        .filter((row) => row.contactId)
        .every((row) => contactAccount.get(row.contactId!) === row.accountId),
    ).toBe(true);
    const tiers = await db
      .select({ tier: accounts.tier })
      .from(accounts)
      .where(eq(accounts.workspaceId, workspace.id));
    const strategic = tiers.filter((row) => row.tier === 'strategic').length;
    expect(strategic).toBeGreaterThan(0);
    expect(strategic).toBeLessThan(tiers.filter((row) => row.tier === 'standard').length);
  });

  it('gives the same workspace for the same seed, and another for another seed', async () => {
    const { db } = ctx();
    const [first, second, other] = await Promise.all(
      [1, 2, 3].map(() => createTestWorkspace(ctx())),
    );
    await seedDemo(db, first!.id, { items: 300, seed: 7, now: NOW });
    await seedDemo(db, second!.id, { items: 300, seed: 7, now: NOW });
    await seedDemo(db, other!.id, { items: 300, seed: 8, now: NOW });

    const [a, b, c] = await Promise.all(
      [first, second, other].map((workspace) => feedbackRows(db, workspace!.id)),
    );
    expect(a).toHaveLength(300);
    expect(b).toEqual(a);
    expect(c!.map((row) => row.text)).not.toEqual(a!.map((row) => row.text));
    const names = (workspaceId: string) =>
      db
        .select({ name: accounts.name })
        .from(accounts)
        .where(eq(accounts.workspaceId, workspaceId))
        .orderBy(asc(accounts.name));
    expect(await names(second!.id)).toEqual(await names(first!.id));
    expect(await names(other!.id)).not.toEqual(await names(first!.id));
  });

  it('adds nothing the second time, nor to a workspace that already has feedback', async () => {
    const { db } = ctx();
    const workspace = await createTestWorkspace(ctx());
    expect((await seedDemo(db, workspace.id, { items: 50, now: NOW })).feedback).toBe(50);
    const before = await tableCounts(db, workspace.id);
    const calls: number[] = [];
    const again = await seedDemo(db, workspace.id, {
      items: 50,
      now: NOW,
      onProgress: (done) => calls.push(done),
    });
    expect(again).toEqual({
      touchpoints: 0,
      accounts: 0,
      contacts: 0,
      feedback: 0,
      directory: 0,
      caseRules: 0,
      cases: 0,
    });
    expect(calls).toEqual([]);
    expect(await tableCounts(db, workspace.id)).toEqual(before);

    // Two runs at once (a retry racing a slow first attempt) still seed once.
    const racing = await createTestWorkspace(ctx());
    const results = await Promise.all([
      seedDemo(db, racing.id, { items: 40, now: NOW }),
      seedDemo(db, racing.id, { items: 40, now: NOW }),
    ]);
    expect(results.map((result) => result.feedback).sort()).toEqual([0, 40]);
    expect((await tableCounts(db, racing.id))?.feedback).toBe(40);
  });

  it('runs as the demo.seed job, which needs a workspace and tolerates a second run', async () => {
    const { db, log } = ctx();
    const workspace = await createTestWorkspace(ctx());
    const job = { db, log, jobId: 1, attempt: 1, signal: new AbortController().signal };
    const payload = demoSeedJob.payload.parse({ items: 25 });
    await demoSeedJob.handler(payload, { ...job, workspaceId: workspace.id });
    await demoSeedJob.handler(payload, { ...job, attempt: 2, workspaceId: workspace.id });
    expect(await tableCounts(db, workspace.id)).toEqual({
      touchpoints: 8,
      accounts: 60,
      contacts: 600,
      feedback: 25,
    });
    await expect(demoSeedJob.handler(payload, { ...job, workspaceId: null })).rejects.toThrow(
      /workspace/,
    );
    expect(demoSeedJob.payload.safeParse({ items: 0 }).success).toBe(false);
    expect(demoSeedJob.payload.safeParse({}).success).toBe(true);
  });
});
