import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts, feedback, SCORE_TYPES } from './feedback.ts';
import { users } from './identity.ts';
import { workspaceColumn } from './workspaces.ts';

/**
 * Closing the loop: cases and the rules that open them, the timeline of every change, the actions
 * decided while processing, and the reply snippets agents start from.
 */
export const CASE_STAGES = ['engage', 'process', 'follow_up', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
/** The stages a case can be in before it closes, each with its own deadline. */
export const OPEN_STAGES = ['engage', 'process', 'follow_up'] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];
/** `thank_you`: the lighter loop for praise (thank them, pass it on, close). */
export const CASE_KINDS = ['case', 'thank_you'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_OUTCOMES = ['resolved', 'won_back', 'not_resolved', 'no_response'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const ACTION_STATUSES = ['planned', 'in_progress', 'shipped', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Which feedback opens a case and who owns it. Rules are tried in `position` order; the first
 * that matches an item routes it. `conditions`, `assignment` and `deadlines` are validated by the
 * cases module's Zod schemas before they are written.
 */
export const caseRules = pgTable(
  'case_rules',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    position: integer('position').notNull().default(0),
    kind: text('kind', { enum: CASE_KINDS }).notNull().default('case'),
    conditions: jsonb('conditions').$type<unknown[]>().notNull(),
    assignment: jsonb('assignment').$type<Record<string, unknown>>().notNull(),
    /** Per open stage: how long it may take, in hours, and whether only business hours count. */
    deadlines: jsonb('deadlines').$type<Record<string, unknown>>().notNull(),
    /** New feedback from a contact with an open case joins that case instead of opening one. */
    mergeIntoOpen: boolean('merge_into_open').notNull().default(true),
    /** Round-robin: how many cases this rule has handed out, so the next goes to the next person. */
    assignedCount: integer('assigned_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index('case_rules_position_idx').on(table.workspaceId, table.enabled, table.position),
  ],
);

export const cases = pgTable(
  'cases',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    /** Short number staff say aloud ("case 482"), unique per workspace. */
    number: integer('number').notNull(),
    kind: text('kind', { enum: CASE_KINDS }).notNull().default('case'),
    title: text('title').notNull(),
    contactId: uuid('contact_id'),
    accountId: uuid('account_id'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** A staff directory team (`staff_teams`). */
    teamId: uuid('team_id'),
    ruleId: uuid('rule_id'),
    stage: text('stage', { enum: CASE_STAGES }).notNull().default('engage'),
    stageStartedAt: timestamp('stage_started_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the current stage must be done; null when the rule sets no deadline for it. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Set when the reminder before `due_at` went out, cleared when the stage changes. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Set when the overdue stage was escalated to the team lead, cleared when the stage changes. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** Per stage, what the rule allows: `{ engage: { hours, businessHours }, ... }`. */
    deadlines: jsonb('deadlines')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Engage: what was learned, and who initiated the feedback (the customer, a survey, staff). */
    learned: text('learned').notNull().default(''),
    initiatedBy: text('initiated_by'),
    outcome: text('outcome', { enum: CASE_OUTCOMES }),
    /** Closing asks for the root cause as a theme, so fixes can be counted per theme. */
    rootCauseThemeId: uuid('root_cause_theme_id'),
    resolution: text('resolution').notNull().default(''),
    scoreType: text('score_type', { enum: SCORE_TYPES }),
    scoreBefore: smallint('score_before'),
    scoreAfter: smallint('score_after'),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex('cases_number_key').on(table.workspaceId, table.number),
    // One open case of a kind per contact: concurrent routing merges instead of opening two.
    uniqueIndex('cases_open_contact_key')
      .on(table.workspaceId, table.contactId, table.kind)
      .where(sql`stage <> 'closed' AND contact_id IS NOT NULL`),
    index('cases_owner_idx').on(table.workspaceId, table.ownerId, table.stage),
    index('cases_due_idx')
      .on(table.workspaceId, table.dueAt)
      .where(sql`stage <> 'closed'`),
    index('cases_created_idx').on(table.workspaceId, table.createdAt),
    foreignKey({
      columns: [table.workspaceId, table.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }),
  ],
);

/** The feedback a case gathers; an item belongs to at most one case. */
export const caseFeedback = pgTable(
  'case_feedback',
  {
    workspaceId: workspaceColumn(),
    feedbackId: uuid('feedback_id').notNull(),
    caseId: uuid('case_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.feedbackId] }),
    index('case_feedback_case_idx').on(table.workspaceId, table.caseId),
    foreignKey({
      columns: [table.workspaceId, table.caseId],
      foreignColumns: [cases.workspaceId, cases.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.workspaceId, table.feedbackId],
      foreignColumns: [feedback.workspaceId, feedback.id],
    }).onDelete('cascade'),
  ],
);

/**
 * The case timeline: every change is one event (who, what, when). `actor_id` null means Hearken
 * itself (a rule, a deadline, an inbound reply). `data` holds what the type needs, e.g. a
 * comment's body and the users it @mentions, or the stage moved from and to.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    workspaceId: workspaceColumn(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    caseId: uuid('case_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index('case_events_case_idx').on(table.workspaceId, table.caseId, table.at),
    foreignKey({
      columns: [table.workspaceId, table.caseId],
      foreignColumns: [cases.workspaceId, cases.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Something the company decided to do about what it heard (a fix, a policy change, training).
 * Cases link to it; when it ships, each linked case goes back to its owner to tell the customer.
 * The roadmap, when it lands, links its items here.
 */
export const actions = pgTable(
  'actions',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    themeId: uuid('theme_id'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('planned'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index('actions_theme_idx').on(table.workspaceId, table.themeId),
  ],
);

export const caseActions = pgTable(
  'case_actions',
  {
    workspaceId: workspaceColumn(),
    caseId: uuid('case_id').notNull(),
    actionId: uuid('action_id').notNull(),
    /** Set when the action shipped and the case was handed back to its owner to tell the customer. */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.caseId, table.actionId] }),
    index('case_actions_action_idx').on(table.workspaceId, table.actionId),
    foreignKey({
      columns: [table.workspaceId, table.caseId],
      foreignColumns: [cases.workspaceId, cases.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.workspaceId, table.actionId],
      foreignColumns: [actions.workspaceId, actions.id],
    }).onDelete('cascade'),
  ],
);

/** Starting points for replies; the composer inserts one, the agent makes it personal. */
export const replySnippets = pgTable(
  'reply_snippets',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/**
 * Praise for an employee or team found in feedback (by the analysis, or tagged by hand). One row
 * per item and person or team; `notified_at` is set when they and their lead were told.
 */
export const KUDOS_SOURCES = ['analysis', 'manual'] as const;
export const kudos = pgTable(
  'kudos',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    feedbackId: uuid('feedback_id').notNull(),
    personId: uuid('person_id'),
    teamId: uuid('team_id'),
    source: text('source', { enum: KUDOS_SOURCES }).notNull(),
    quote: text('quote').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex('kudos_item_person_key')
      .on(table.workspaceId, table.feedbackId, table.personId)
      .where(sql`person_id IS NOT NULL`),
    uniqueIndex('kudos_item_team_key')
      .on(table.workspaceId, table.feedbackId, table.teamId)
      .where(sql`person_id IS NULL AND team_id IS NOT NULL`),
    index('kudos_created_idx').on(table.workspaceId, table.createdAt),
    foreignKey({
      columns: [table.workspaceId, table.feedbackId],
      foreignColumns: [feedback.workspaceId, feedback.id],
    }).onDelete('cascade'),
  ],
);
