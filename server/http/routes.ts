import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { apiKeysRoutes } from '../modules/api-keys/api-keys.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { accountRoutes } from '../modules/auth/account.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { contactsRoutes } from '../modules/contacts/contacts.routes.ts';
import { exportRoutes } from '../modules/export/export.routes.ts';
import { feedbackRoutes } from '../modules/feedback/feedback.routes.ts';
import { ingestRoutes } from '../modules/ingest/ingest.routes.ts';
import { listeningPostsRoutes } from '../modules/listening-posts/listening-posts.routes.ts';
import { callsRoutes } from '../modules/calls/calls.routes.ts';
import { connectorsRoutes } from '../modules/connectors/connectors.routes.ts';
import { emailInRoutes } from '../modules/email-in/email-in.routes.ts';
import { importsRoutes } from '../modules/imports/imports.routes.ts';
import { widgetRoutes } from '../modules/widget/widget.routes.ts';
import { invitationsRoutes } from '../modules/invitations/invitations.routes.ts';
import { jobsRoutes } from '../modules/jobs/jobs.routes.ts';
import { workspacesRoutes } from '../modules/workspaces/workspaces.routes.ts';
import { surveysRoutes } from '../modules/surveys/surveys.routes.ts';
import { surveyPublicRoutes } from '../modules/surveys/public.routes.ts';
import { outboxRoutes } from '../modules/outbox/outbox.routes.ts';
import { themesRoutes } from '../modules/themes/themes.routes.ts';

/** Every module's routes, mounted under /api/v1. */
export function registerApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  authRoutes(app, ctx);
  workspacesRoutes(app, ctx);
  invitationsRoutes(app, ctx);
  apiKeysRoutes(app, ctx);
  auditRoutes(app, ctx);
  jobsRoutes(app, ctx);
  feedbackRoutes(app, ctx);
  exportRoutes(app, ctx);
  contactsRoutes(app, ctx);
  accountRoutes(app, ctx);
  ingestRoutes(app, ctx);
  listeningPostsRoutes(app, ctx);
  callsRoutes(app, ctx);
  connectorsRoutes(app, ctx);
  surveysRoutes(app, ctx);
  surveyPublicRoutes(app, ctx);
  outboxRoutes(app, ctx);
  emailInRoutes(app, ctx);
  importsRoutes(app, ctx);
  widgetRoutes(app, ctx);
  themesRoutes(app, ctx);
}
