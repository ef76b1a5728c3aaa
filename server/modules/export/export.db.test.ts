import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.ts';
import { feedback } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createTestWorkspace } from '../../test/fixtures.ts';
import { auditPage, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { exportWorkspace, importWorkspace } from './export.service.ts';

async function* linesOf(lines: string[]) {
  yield* lines;
}

async function tableCounts(db: Db, workspaceId: string) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM touchpoints WHERE workspace_id = ${workspaceId}) AS touchpoint,
          (SELECT count(*)::int FROM accounts WHERE workspace_id = ${workspaceId}) AS account,
          (SELECT count(*)::int FROM contacts WHERE workspace_id = ${workspaceId}) AS contact,
          (SELECT count(*)::int FROM feedback WHERE workspace_id = ${workspaceId}) AS feedback`,
  );
  return row;
}

function feedbackOf(db: Db, workspaceId: string) {
  return db
    .select({
      id: feedback.id,
      channel: feedback.channel,
      touchpointId: feedback.touchpointId,
      contactId: feedback.contactId,
      accountId: feedback.accountId,
      scoreType: feedback.scoreType,
      score: feedback.score,
      text: feedback.text,
      receivedAt: feedback.receivedAt,
    })
    .from(feedback)
    .where(eq(feedback.workspaceId, workspaceId))
    .orderBy(asc(feedback.id));
}

const header = JSON.stringify({
  type: 'hearken-export',
  version: 1,
  exportedAt: '2025-01-01T00:00:00.000Z',
  workspace: { name: 'Hand made', timezone: 'UTC' },
});

describeEachEngine('export and import', ({ ctx }) => {
  const exportLines = async (workspaceId: string) => {
    const lines: string[] = [];
    await exportWorkspace(
      ctx(),
      workspaceId,
      (line) => {
        lines.push(line);
      },
      SYSTEM_ACTOR,
    );
    return lines;
  };

  it('round-trips a workspace, keeps secrets out, and a second import adds nothing', async () => {
    const { db } = ctx();
    const source = await createTestWorkspace(ctx(), 'Source');
    await seedDemo(db, source.id, { items: 1200, seed: 4 });
    const agent = await source.member('agent');
    const secret = await source.apiKey('admin');

    const lines = await exportLines(source.id);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      type: 'hearken-export',
      version: 1,
      workspace: { timezone: 'UTC' },
    });
    const parsed = lines
      .slice(1)
      .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    const byType = (type: string) => parsed.filter((line) => line.type === type);
    expect([8, 60, 600, 1200, 2, 1]).toEqual(
      ['touchpoint', 'account', 'contact', 'feedback', 'member', 'api_key_meta'].map(
        (type) => byType(type).length,
      ),
    );
    // The demo's past cases are exported (import counts them as skipped: it does not restore cases).
    const cases = byType('case').length;
    expect(cases).toBeGreaterThan(0);
    expect(byType('member').map((line) => Object.keys(line.data).sort())).toEqual([
      ['email', 'name', 'role'],
      ['email', 'name', 'role'],
    ]);
    expect(byType('member').map((line) => line.data.email)).toContain(agent.email);
    const everything = lines.join('\n');
    for (const forbidden of [
      secret,
      secret.slice(0, 10),
      agent.sessionToken,
      'passwordHash',
      'password_hash',
      'keyHash',
      'tokenHash',
      '$argon2',
      '$scrypt',
    ]) {
      expect(everything).not.toContain(forbidden);
    }

    const target = await createTestWorkspace(ctx(), 'Target');
    const progress: number[] = [];
    const result = await importWorkspace(ctx(), target.id, linesOf(lines), SYSTEM_ACTOR, (step) =>
      progress.push(step.imported),
    );
    expect(result).toMatchObject({
      imported: { touchpoint: 8, account: 60, contact: 600, feedback: 1200 },
      skipped: 3 + cases,
      errors: [],
      failed: 0,
    });
    const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
    expect(ascending(Object.values(result.skippedReasons))).toEqual(ascending([2, 1, cases]));
    // The demo rows and its staff directory (30 rows).
    expect(progress.at(-1)).toBe(1868 + 30);
    expect(await tableCounts(db, target.id)).toEqual(await tableCounts(db, source.id));
    expect(await feedbackOf(db, target.id)).toEqual(await feedbackOf(db, source.id));

    const again = await importWorkspace(ctx(), target.id, linesOf(lines), SYSTEM_ACTOR);
    expect(Object.values(again.imported).every((count) => count === 0)).toBe(true);
    expect(again.skipped).toBe(1868 + 30 + 3 + cases);
    expect(again.errors).toEqual([]);
    expect(await tableCounts(db, target.id)).toEqual(await tableCounts(db, source.id));

    const exported = (await auditPage(db, source.id, 50)).items.filter(
      (entry) => entry.action === 'data.exported',
    );
    expect(exported).toHaveLength(1);
    expect(exported[0]?.details).toMatchObject({
      feedback: 1200,
      contact: 600,
      member: 2,
      complete: true,
    });
    const imported = (await auditPage(db, target.id, 50)).items.filter(
      (entry) => entry.action === 'data.imported',
    );
    expect(imported.map((entry) => entry.details.feedback)).toEqual([0, 1200]);
  });

  it('imports the good lines of a damaged file and reports each bad one by line number', async () => {
    const { db } = ctx();
    const target = await createTestWorkspace(ctx());
    const [touchpointId, accountId, contactId] = [randomUUID(), randomUUID(), randomUUID()];
    const item = (data: Record<string, unknown>) =>
      JSON.stringify({
        type: 'feedback',
        data: {
          id: randomUUID(),
          channel: 'survey',
          receivedAt: '2025-03-04T05:06:07.000Z',
          ...data,
        },
      });
    const lines = [
      header, // 1
      JSON.stringify({ type: 'touchpoint', data: { id: touchpointId, name: 'Onboarding' } }), // 2
      '', // 3: blank lines are ignored
      '{"type":"account","data":{', // 4: malformed JSON
      JSON.stringify({
        type: 'account',
        data: { id: accountId, name: 'Acme Ltd', domain: 'acme.test', tier: 'strategic' },
      }), // 5
      JSON.stringify({
        type: 'contact',
        data: {
          id: contactId,
          accountId,
          name: 'Ada Lovelace',
          email: 'ada@acme.test',
          level: 'executive',
        },
      }), // 6
      item({ channel: 'pigeon' }), // 7: invalid field
      item({ scoreType: 'nps', score: 11 }), // 8: score out of range
      item({ contactId: randomUUID(), text: 'who?' }), // 9: refers to a contact nobody has
      item({
        touchpointId,
        contactId,
        accountId,
        scoreType: 'nps',
        score: 9,
        text: 'Great onboarding',
      }), // 10
      JSON.stringify({ type: 'member', data: { email: 'x@acme.test', name: 'X', role: 'owner' } }), // 11
      JSON.stringify({ type: 'survey', data: {} }), // 12: unknown type
      item({ receivedAt: 'yesterday' }), // 13: bad date
    ];
    const result = await importWorkspace(ctx(), target.id, linesOf(lines), SYSTEM_ACTOR);

    expect(result.imported).toMatchObject({ touchpoint: 1, account: 1, contact: 1, feedback: 1 });
    expect(result.errors.map((error) => error.line)).toEqual([4, 7, 8, 9, 12, 13]);
    const message = (line: number) => result.errors.find((error) => error.line === line)?.message;
    expect(message(4)).toMatch(/not valid JSON/);
    expect(message(7)).toMatch(/^data\.channel: /);
    expect(message(8)).toMatch(/^data\.score: must be 0–10 for nps/);
    expect(message(9)).toMatch(/refers to .*contact/);
    expect(message(13)).toMatch(/data\.receivedAt/);
    expect(message(12)).toMatch(/^type: /);
    expect(result.failed).toBe(6);
    expect(result.skipped).toBe(1);
    expect(Object.keys(result.skippedReasons)).toEqual([
      expect.stringMatching(/members are not imported/),
    ]);
    const stored = await feedbackOf(db, target.id);
    expect(stored).toMatchObject([
      { text: 'Great onboarding', score: 9, contactId, accountId, touchpointId },
    ]);
  });

  it('refuses a file that is not a version 1 export, storing nothing', async () => {
    const { db } = ctx();
    const target = await createTestWorkspace(ctx());
    const touchpoint = JSON.stringify({
      type: 'touchpoint',
      data: { id: randomUUID(), name: 'Renewal' },
    });
    await expect(
      importWorkspace(ctx(), target.id, linesOf(['{"hello":"world"}', touchpoint]), SYSTEM_ACTOR),
    ).rejects.toMatchObject({ code: 'invalid_request', status: 400 });
    const future = JSON.stringify({ ...JSON.parse(header), version: 2 });
    await expect(
      importWorkspace(ctx(), target.id, linesOf([future, touchpoint]), SYSTEM_ACTOR),
    ).rejects.toThrow(/version 2/);
    await expect(
      importWorkspace(ctx(), target.id, linesOf(['', '  ']), SYSTEM_ACTOR),
    ).rejects.toThrow(/empty/);
    await expect(
      importWorkspace(ctx(), randomUUID(), linesOf([header]), SYSTEM_ACTOR),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await tableCounts(db, target.id))?.touchpoint).toBe(0);
  });

  it('records a partial export when writing fails half-way, and passes the failure on', async () => {
    const { db } = ctx();
    const workspace = await createTestWorkspace(ctx());
    await seedDemo(db, workspace.id, { items: 2500, seed: 6 });
    let written = 0;
    const failing = () => {
      written += 1;
      if (written > 1000) throw new Error('disk full');
    };
    await expect(exportWorkspace(ctx(), workspace.id, failing, SYSTEM_ACTOR)).rejects.toThrow(
      'disk full',
    );
    const entries = (await auditPage(db, workspace.id, 50)).items.filter(
      (entry) => entry.action === 'data.exported',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({
      complete: false,
      touchpoint: 8,
      account: 60,
      contact: 600,
    });
    // Header + 668 parent rows + 331 feedback rows were written before the failure; paging stopped.
    expect(entries[0]?.details.feedback).toBe(331);
  });
});
