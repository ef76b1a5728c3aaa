import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { createSetupLink } from './auth.service.ts';

/** First run: the setup link creates the owner and workspace once, and never again. */
describeEachEngine(
  'first-run setup',
  ({ ctx }) => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp(ctx());
    });
    afterAll(() => app.close());

    it('creates the first owner from a one-time link, queues demo data, and refuses a second use', async () => {
      expect((await app.inject('/api/v1/setup/status')).json()).toEqual({ needsSetup: true });
      const stale = new URL((await createSetupLink(ctx()))!).searchParams.get('token')!;
      const token = new URL((await createSetupLink(ctx()))!).searchParams.get('token')!;
      expect((await app.inject(`/api/v1/setup/${stale}`)).statusCode).toBe(404); // a newer link replaces it
      expect((await app.inject(`/api/v1/setup/${token}`)).json()).toEqual({
        purpose: 'setup',
        email: null,
      });

      const body = {
        token,
        name: 'Ada',
        email: 'ada@example.test',
        password: 'a long enough password',
        workspaceName: 'Ada Co',
        demo: true,
      };
      const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
      expect(response.statusCode).toBe(201);
      const me = response.json();
      expect(me.user.email).toBe('ada@example.test');
      expect(me.workspaces).toEqual([expect.objectContaining({ name: 'Ada Co', role: 'owner' })]);
      expect(me.csrfToken).toEqual(expect.any(String));
      expect(String(response.headers['set-cookie'])).toContain('hearken_session=');

      const jobs = await queryRows<{ name: string }>(
        ctx().db,
        sql`SELECT name FROM jobs WHERE workspace_id = ${me.workspaces[0].id}`,
      );
      expect(jobs.map((job) => job.name)).toEqual(['demo.seed']);

      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...body, email: 'eve@example.test' },
      });
      expect(again.statusCode).toBe(404);
      expect(await createSetupLink(ctx())).toBeUndefined();
      expect((await app.inject('/api/v1/setup/status')).json()).toEqual({ needsSetup: false });
    });
  },
  {},
  { emptyDatabase: true },
);
