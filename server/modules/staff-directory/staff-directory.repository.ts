import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { staffPeople, staffTeams, trackedEntities, workspaces } from '../../db/schema/index.ts';
import type {
  CreateEntity,
  CreatePerson,
  CreateTeam,
  UpdateEntity,
  UpdatePerson,
  UpdateTeam,
} from './staff-directory.schemas.ts';

const teamColumns = {
  id: staffTeams.id,
  name: staffTeams.name,
  aliases: staffTeams.aliases,
  leadEmail: staffTeams.leadEmail,
  leadUserId: staffTeams.leadUserId,
  businessHours: staffTeams.businessHours,
  holidays: staffTeams.holidays,
  createdAt: staffTeams.createdAt,
};
const personColumns = {
  id: staffPeople.id,
  name: staffPeople.name,
  nicknames: staffPeople.nicknames,
  teamId: staffPeople.teamId,
  email: staffPeople.email,
  userId: staffPeople.userId,
  createdAt: staffPeople.createdAt,
};
const entityColumns = {
  id: trackedEntities.id,
  kind: trackedEntities.kind,
  name: trackedEntities.name,
  aliases: trackedEntities.aliases,
  createdAt: trackedEntities.createdAt,
};

export const listTeams = (db: Db, workspaceId: string) =>
  db
    .select(teamColumns)
    .from(staffTeams)
    .where(eq(staffTeams.workspaceId, workspaceId))
    .orderBy(asc(staffTeams.name), asc(staffTeams.id));

export const listPeople = (db: Db, workspaceId: string) =>
  db
    .select(personColumns)
    .from(staffPeople)
    .where(eq(staffPeople.workspaceId, workspaceId))
    .orderBy(asc(staffPeople.name), asc(staffPeople.id));

export const listEntities = (db: Db, workspaceId: string) =>
  db
    .select(entityColumns)
    .from(trackedEntities)
    .where(eq(trackedEntities.workspaceId, workspaceId))
    .orderBy(asc(trackedEntities.kind), asc(trackedEntities.name), asc(trackedEntities.id));

export async function insertTeam(db: Db, workspaceId: string, input: CreateTeam) {
  const [row] = await db
    .insert(staffTeams)
    .values({ workspaceId, ...input })
    .returning(teamColumns);
  return row!;
}

export async function updateTeam(db: Db, workspaceId: string, id: string, input: UpdateTeam) {
  const [row] = await db
    .update(staffTeams)
    .set(input)
    .where(and(eq(staffTeams.workspaceId, workspaceId), eq(staffTeams.id, id)))
    .returning(teamColumns);
  return row;
}

/** Removes a team; its people stay, without a team. */
export async function deleteTeam(db: Db, workspaceId: string, id: string): Promise<boolean> {
  await db
    .update(staffPeople)
    .set({ teamId: null })
    .where(and(eq(staffPeople.workspaceId, workspaceId), eq(staffPeople.teamId, id)));
  const rows = await db
    .delete(staffTeams)
    .where(and(eq(staffTeams.workspaceId, workspaceId), eq(staffTeams.id, id)))
    .returning({ id: staffTeams.id });
  return rows.length === 1;
}

export async function insertPerson(db: Db, workspaceId: string, input: CreatePerson) {
  const [row] = await db
    .insert(staffPeople)
    .values({ workspaceId, ...input })
    .returning(personColumns);
  return row!;
}

export async function updatePerson(db: Db, workspaceId: string, id: string, input: UpdatePerson) {
  const [row] = await db
    .update(staffPeople)
    .set(input)
    .where(and(eq(staffPeople.workspaceId, workspaceId), eq(staffPeople.id, id)))
    .returning(personColumns);
  return row;
}

export async function deletePerson(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(staffPeople)
    .where(and(eq(staffPeople.workspaceId, workspaceId), eq(staffPeople.id, id)))
    .returning({ id: staffPeople.id });
  return rows.length === 1;
}

export async function insertEntity(db: Db, workspaceId: string, input: CreateEntity) {
  const [row] = await db
    .insert(trackedEntities)
    .values({ workspaceId, ...input })
    .returning(entityColumns);
  return row!;
}

export async function updateEntity(db: Db, workspaceId: string, id: string, input: UpdateEntity) {
  const [row] = await db
    .update(trackedEntities)
    .set(input)
    .where(and(eq(trackedEntities.workspaceId, workspaceId), eq(trackedEntities.id, id)))
    .returning(entityColumns);
  return row;
}

export async function deleteEntity(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(trackedEntities)
    .where(and(eq(trackedEntities.workspaceId, workspaceId), eq(trackedEntities.id, id)))
    .returning({ id: trackedEntities.id });
  return rows.length === 1;
}

export async function teamExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: staffTeams.id })
    .from(staffTeams)
    .where(and(eq(staffTeams.workspaceId, workspaceId), eq(staffTeams.id, id)));
  return rows.length === 1;
}

export async function isMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM memberships WHERE workspace_id = ${workspaceId} AND user_id = ${userId}`,
  );
  return rows.length === 1;
}

/** Marks the directory changed; returns the new version. */
export async function bumpDirectoryVersion(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .update(workspaces)
    .set({ directoryVersion: sql`${workspaces.directoryVersion} + 1` })
    .where(eq(workspaces.id, workspaceId))
    .returning({ version: workspaces.directoryVersion });
  return row?.version ?? 0;
}

export async function directoryVersion(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ version: workspaces.directoryVersion })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.version ?? 0;
}

type Imported<T> = T & { workspaceId: string; id: string };
export type TeamInsert = Omit<typeof staffTeams.$inferInsert, 'workspaceId' | 'id'>;
export type PersonInsert = Omit<typeof staffPeople.$inferInsert, 'workspaceId' | 'id'>;
export type EntityInsert = Omit<typeof trackedEntities.$inferInsert, 'workspaceId' | 'id'>;

/** Rows of a workspace import, ids kept; rows already present are left alone. Returns how many were new. */
export async function insertTeamRows(db: Db, rows: Imported<typeof staffTeams.$inferInsert>[]) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(staffTeams)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: staffTeams.id });
  return inserted.length;
}

export async function insertPersonRows(db: Db, rows: Imported<typeof staffPeople.$inferInsert>[]) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(staffPeople)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: staffPeople.id });
  return inserted.length;
}

export async function insertEntityRows(
  db: Db,
  rows: Imported<typeof trackedEntities.$inferInsert>[],
) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(trackedEntities)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: trackedEntities.id });
  return inserted.length;
}
