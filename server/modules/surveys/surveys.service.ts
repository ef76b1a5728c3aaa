import { randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../../config/env.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { createPost, updatePost } from '../listening-posts/listening-posts.service.ts';
import { definitionProblems, definitionSchema, type SurveyDefinition } from './definition.ts';
import type { SurveyInput, SurveyPatch } from './surveys.schemas.ts';
import * as respondents from './respondents.repository.ts';
import { forgetPublicSurveys } from './public-survey-cache.ts';
import * as repo from './surveys.repository.ts';

const DEFINITION_KEYS = Object.keys(definitionSchema.shape) as Array<keyof SurveyDefinition>;

function checked(definition: SurveyDefinition): SurveyDefinition {
  const problems = definitionProblems(definition);
  if (problems.length > 0) throw errors.invalid('The survey has problems; see details.', problems);
  return definition;
}

function definitionOf(input: Partial<SurveyDefinition>): Partial<SurveyDefinition> {
  return Object.fromEntries(
    DEFINITION_KEYS.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]),
  );
}

/** The stored definition, read back through the schema (it was validated when written). */
export function parseStoredDefinition(stored: unknown): SurveyDefinition {
  return definitionSchema.parse(stored);
}

export function publicUrl(config: Pick<Config, 'PUBLIC_URL'>, token: string): string {
  return `${config.PUBLIC_URL}/s/${token}`;
}

function present(ctx: AppContext, row: repo.SurveyRow & repo.SurveyCounts) {
  return {
    ...parseStoredDefinition(row.definition),
    id: row.id,
    name: row.name,
    postId: row.postId,
    touchpointId: row.touchpointId,
    status: row.status,
    publicUrl: publicUrl(ctx.config, row.publicToken),
    responses: { partial: row.partial, complete: row.complete },
    invitations: row.invitations,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function listSurveys(ctx: AppContext, workspaceId: string) {
  return (await repo.listSurveys(ctx.db, workspaceId)).map((row) => present(ctx, row));
}

export async function getSurvey(ctx: AppContext, workspaceId: string, id: string) {
  const row = await repo.findSurvey(ctx.db, workspaceId, id);
  if (!row) throw errors.notFound('survey', id);
  return present(ctx, row);
}

/**
 * A survey and the listening post of kind `survey` it listens through (on the touchpoint given),
 * made together in one transaction.
 */
export async function createSurvey(ctx: AppContext, workspaceId: string, input: SurveyInput) {
  const definition = checked(definitionSchema.parse(definitionOf(input)));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as unknown as Db };
    const post = await createPost(txCtx, workspaceId, {
      kind: 'survey',
      name: input.name,
      ...(input.touchpointId ? { touchpointId: input.touchpointId } : {}),
      settings: { surveyId: id },
    });
    await repo.insertSurvey(txCtx.db, workspaceId, {
      id,
      postId: post.id,
      name: input.name,
      definition,
      publicToken: randomBytes(12).toString('base64url'),
    });
  });
  return getSurvey(ctx, workspaceId, id);
}

/** Changes a survey; definition fields replace the stored ones and the whole is checked again. */
export async function updateSurvey(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  patch: SurveyPatch,
) {
  const existing = await repo.findSurvey(ctx.db, workspaceId, id);
  if (!existing) throw errors.notFound('survey', id);
  const changes = definitionOf(patch);
  const definition =
    Object.keys(changes).length > 0
      ? checked(
          definitionSchema.parse({ ...parseStoredDefinition(existing.definition), ...changes }),
        )
      : undefined;
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as unknown as Db };
    if (patch.name !== undefined || patch.touchpointId !== undefined || patch.status)
      await updatePost(txCtx, workspaceId, existing.postId, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.touchpointId !== undefined ? { touchpointId: patch.touchpointId } : {}),
        ...(patch.status ? { status: patch.status } : {}),
      });
    await repo.updateSurvey(txCtx.db, workspaceId, id, { name: patch.name, definition });
  });
  forgetPublicSurveys(); // after the commit, so no request caches the old survey again
  return getSurvey(ctx, workspaceId, id);
}

/** Contact merge: the survey history of `sourceId` becomes `targetId`'s. Call in the merge's transaction. */
export function moveRespondent(db: Db, workspaceId: string, sourceId: string, targetId: string) {
  return respondents.moveRespondent(db, workspaceId, sourceId, targetId);
}

/** Contact erasure: survey answers and invitations of the contact go. Call in the erasure's transaction. */
export function eraseRespondent(db: Db, workspaceId: string, contactId: string) {
  return respondents.eraseRespondent(db, workspaceId, contactId);
}
