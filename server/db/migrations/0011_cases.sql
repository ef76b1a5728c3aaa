CREATE TABLE "actions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"shipped_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_actions" (
	"workspace_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"notified_at" timestamp with time zone,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_actions_workspace_id_case_id_action_id_pk" PRIMARY KEY("workspace_id","case_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"workspace_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_feedback" (
	"workspace_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_feedback_workspace_id_feedback_id_pk" PRIMARY KEY("workspace_id","feedback_id")
);
--> statement-breakpoint
CREATE TABLE "case_rules" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text DEFAULT 'case' NOT NULL,
	"conditions" jsonb NOT NULL,
	"assignment" jsonb NOT NULL,
	"deadlines" jsonb NOT NULL,
	"merge_into_open" boolean DEFAULT true NOT NULL,
	"assigned_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"kind" text DEFAULT 'case' NOT NULL,
	"title" text NOT NULL,
	"contact_id" uuid,
	"account_id" uuid,
	"owner_id" uuid,
	"team_id" uuid,
	"rule_id" uuid,
	"stage" text DEFAULT 'engage' NOT NULL,
	"stage_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"deadlines" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"initiated_by" text,
	"outcome" text,
	"root_cause_theme_id" uuid,
	"resolution" text DEFAULT '' NOT NULL,
	"score_type" text,
	"score_before" smallint,
	"score_after" smallint,
	"first_response_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kudos" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"person_id" uuid,
	"team_id" uuid,
	"source" text NOT NULL,
	"quote" text NOT NULL,
	"created_by" uuid,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kudos_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reply_snippets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_snippets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_consents" (
	"workspace_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"contact_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_consents_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_limit_policies" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"segment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"max_messages" integer NOT NULL,
	"window_hours" integer NOT NULL,
	"min_gap_hours" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_limit_policies_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"workspace_id" uuid NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_suppressions_workspace_id_address_pk" PRIMARY KEY("workspace_id","address")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "case_counter" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "purpose" text DEFAULT 'survey' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "in_reply_to" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "references" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "state_reason" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "hold_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "sending_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD COLUMN "lead_user_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD COLUMN "business_hours" jsonb;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD COLUMN "holidays" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_workspace_id_case_id_cases_workspace_id_id_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."cases"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_workspace_id_action_id_actions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","action_id") REFERENCES "public"."actions"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_workspace_id_case_id_cases_workspace_id_id_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."cases"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_feedback" ADD CONSTRAINT "case_feedback_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_feedback" ADD CONSTRAINT "case_feedback_workspace_id_case_id_cases_workspace_id_id_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."cases"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_feedback" ADD CONSTRAINT "case_feedback_workspace_id_feedback_id_feedback_workspace_id_id_fk" FOREIGN KEY ("workspace_id","feedback_id") REFERENCES "public"."feedback"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rules" ADD CONSTRAINT "case_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rules" ADD CONSTRAINT "case_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_workspace_id_feedback_id_feedback_workspace_id_id_fk" FOREIGN KEY ("workspace_id","feedback_id") REFERENCES "public"."feedback"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_snippets" ADD CONSTRAINT "reply_snippets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_snippets" ADD CONSTRAINT "reply_snippets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consents" ADD CONSTRAINT "contact_consents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consents" ADD CONSTRAINT "contact_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consents" ADD CONSTRAINT "contact_consents_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_limit_policies" ADD CONSTRAINT "contact_limit_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_theme_idx" ON "actions" USING btree ("workspace_id","theme_id");--> statement-breakpoint
CREATE INDEX "case_actions_action_idx" ON "case_actions" USING btree ("workspace_id","action_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("workspace_id","case_id","at");--> statement-breakpoint
CREATE INDEX "case_feedback_case_idx" ON "case_feedback" USING btree ("workspace_id","case_id");--> statement-breakpoint
CREATE INDEX "case_rules_position_idx" ON "case_rules" USING btree ("workspace_id","enabled","position");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_key" ON "cases" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_open_contact_key" ON "cases" USING btree ("workspace_id","contact_id","kind") WHERE stage <> 'closed' AND contact_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("workspace_id","owner_id","stage");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("workspace_id","due_at") WHERE stage <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kudos_item_person_key" ON "kudos" USING btree ("workspace_id","feedback_id","person_id") WHERE person_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "kudos_item_team_key" ON "kudos" USING btree ("workspace_id","feedback_id","team_id") WHERE person_id IS NULL AND team_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "kudos_created_idx" ON "kudos" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_consents_contact_idx" ON "contact_consents" USING btree ("workspace_id","contact_id","purpose","recorded_at");--> statement-breakpoint
ALTER TABLE "staff_teams" ADD CONSTRAINT "staff_teams_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_messages_contact_idx" ON "outbox_messages" USING btree ("workspace_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_case_idx" ON "outbox_messages" USING btree ("workspace_id","case_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_message_id_idx" ON "outbox_messages" USING btree ("workspace_id","message_id");