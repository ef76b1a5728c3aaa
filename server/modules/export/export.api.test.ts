import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { bearer, createTestWorkspace, sessionHeaders } from '../../test/fixtures.ts';
import { auditPage } from '../audit/audit.service.ts';
import { seedDemo } from '../demo/demo.seed.ts';

describeEachEngine('export API', ({ ctx }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(ctx());
  });
  afterAll(async () => {
    await app.close();
  });

  const download = (workspaceId: string, headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}/export`, headers });

  it('streams the workspace as JSON lines to an admin, as a dated attachment', async () => {
    const workspace = await createTestWorkspace(ctx(), 'Export Me');
    await seedDemo(ctx().db, workspace.id, { items: 1500, seed: 9 });
    const admin = await workspace.member('admin');

    const response = await download(workspace.id, sessionHeaders(admin));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="hearken-export-me-[0-9a-f]{8}-${today}\\.jsonl"$`),
    );
    const lines = response.body.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ type: 'hearken-export', version: 1 });
    // 8 + 60 + 600 + 1,500 rows and the staff directory (6 teams, 8 people, 16 tracked names),
    // the demo's past cases, then the owner and the admin as members.
    const cases = lines.filter((line) => line.startsWith('{"type":"case"')).length;
    const [stored] = await queryRows<{ n: number }>(
      ctx().db,
      sql`SELECT count(*)::int AS n FROM cases WHERE workspace_id = ${workspace.id}`,
    );
    expect(cases).toBe(stored!.n);
    expect(cases).toBeGreaterThan(0);
    expect(lines).toHaveLength(1 + 2168 + 30 + cases + 2);
    expect(lines.filter((line) => line.startsWith('{"type":"feedback"'))).toHaveLength(1500);

    const audit = await auditPage(ctx().db, workspace.id, 20);
    const entry = audit.items.find((item) => item.action === 'data.exported');
    expect(entry).toMatchObject({
      actorName: 'admin person',
      details: { feedback: 1500, complete: true },
    });
  });

  it('is for admins of the workspace only', async () => {
    const workspace = await createTestWorkspace(ctx());
    const outsider = await createTestWorkspace(ctx());
    for (const role of ['viewer', 'agent'] as const) {
      const response = await download(workspace.id, sessionHeaders(await workspace.member(role)));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await download(workspace.id, bearer(await workspace.apiKey('agent')))).statusCode).toBe(
      403,
    );
    expect((await download(workspace.id, bearer(await workspace.apiKey('admin')))).statusCode).toBe(
      200,
    );
    expect((await download(workspace.id, sessionHeaders(outsider.owner))).statusCode).toBe(404);
    expect((await download(workspace.id, {})).statusCode).toBe(401);
    const audit = await auditPage(ctx().db, workspace.id, 20);
    expect(audit.items.filter((item) => item.action === 'data.exported')).toHaveLength(1);
  });
});
