import type { AppContext } from '../../context.ts';
import { createPost } from '../listening-posts/listening-posts.service.ts';
import * as repo from './imports.repository.ts';

/** A finished import record (no file), for route samples and listing tests. */
export async function createTestImport(ctx: AppContext, workspaceId: string) {
  const post = await createPost(ctx, workspaceId, { kind: 'import', name: 'Sample import post' });
  return repo.insertImport(ctx.db, {
    workspaceId,
    postId: post.id,
    fileName: 'sample.csv',
    size: 10,
    sha256: 'a'.repeat(64),
    format: 'csv',
    options: {},
    state: 'done',
    errors: [],
    createdBy: 'system',
  });
}
