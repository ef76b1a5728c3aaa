import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { imports, type ImportState } from '../../db/schema/index.ts';

export type ImportRow = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;

/** Progress fields written at each checkpoint. */
export interface ImportProgress {
  checkpointRow: number;
  bytesRead: number;
  rowsRead: number;
  rowsStored: number;
  duplicates: number;
  skipped: number;
  errorCount: number;
  errors: Array<{ line: number; message: string }>;
}

const byId = (workspaceId: string, id: string) =>
  and(eq(imports.workspaceId, workspaceId), eq(imports.id, id));

export async function insertImport(db: Db, row: NewImport): Promise<ImportRow> {
  const [inserted] = await db.insert(imports).values(row).returning();
  if (!inserted) throw new Error('insert returned no import');
  return inserted;
}

export async function findImport(db: Db, workspaceId: string, id: string) {
  const [row] = await db.select().from(imports).where(byId(workspaceId, id));
  return row;
}

/** An import of the same file into the same post that has not failed, if any. */
export async function findSameFile(db: Db, workspaceId: string, postId: string, sha256: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(
      and(
        eq(imports.workspaceId, workspaceId),
        eq(imports.postId, postId),
        eq(imports.sha256, sha256),
        inArray(imports.state, ['queued', 'running', 'done']),
      ),
    )
    .orderBy(desc(imports.createdAt))
    .limit(1);
  return row;
}

export function listImports(db: Db, workspaceId: string, limit: number) {
  return db
    .select()
    .from(imports)
    .where(eq(imports.workspaceId, workspaceId))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

/** Marks an import running and says what it opened the file as. */
export async function startImport(
  db: Db,
  workspaceId: string,
  id: string,
  opened: { mapping: Record<string, string> | null; vendor: string | null; encoding: string },
) {
  await db
    .update(imports)
    .set({
      state: 'running',
      ...opened,
      startedAt: sql`coalesce(${imports.startedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(byId(workspaceId, id));
}

export async function saveProgress(
  db: Db,
  workspaceId: string,
  id: string,
  progress: ImportProgress,
) {
  await db
    .update(imports)
    .set({ ...progress, updatedAt: sql`now()` })
    .where(byId(workspaceId, id));
}

export async function finishImport(
  db: Db,
  workspaceId: string,
  id: string,
  state: Extract<ImportState, 'done' | 'failed'>,
  failure: string | null,
) {
  await db
    .update(imports)
    .set({ state, failure, filePath: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(byId(workspaceId, id));
}
