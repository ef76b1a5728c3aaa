CREATE TABLE "analysis_corrections" (
	"workspace_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"feedback_id" uuid NOT NULL,
	"field" text NOT NULL,
	"previous" jsonb,
	"corrected" jsonb NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_corrections_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "feedback_analysis" (
	"workspace_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"version" smallint NOT NULL,
	"language" text NOT NULL,
	"language_confidence" real NOT NULL,
	"not_analysed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"truncated" boolean DEFAULT false NOT NULL,
	"sentiment_score" real,
	"sentiment_label" text,
	"sentiment_corrected" boolean DEFAULT false NOT NULL,
	"sentences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"aspects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"key_phrases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"personal_data" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duplicate_of" uuid,
	"analysed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_analysis_workspace_id_feedback_id_pk" PRIMARY KEY("workspace_id","feedback_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_themes" (
	"workspace_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"source" text DEFAULT 'auto' NOT NULL,
	"sentiment_score" real,
	CONSTRAINT "feedback_themes_workspace_id_feedback_id_theme_id_pk" PRIMARY KEY("workspace_id","feedback_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"workspace_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"feedback_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"sentiment_score" real NOT NULL,
	"sentiment_label" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mentions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_people" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"nicknames" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"team_id" uuid,
	"email" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_people_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_teams" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_teams_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "text_similarity_bands" (
	"workspace_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"band" smallint NOT NULL,
	"hash" bigint NOT NULL,
	CONSTRAINT "text_similarity_bands_workspace_id_subject_band_hash_subject_id_pk" PRIMARY KEY("workspace_id","subject","band","hash","subject_id")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_locked" boolean DEFAULT false NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" uuid,
	"terms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"staff_terms" jsonb DEFAULT '{"include":[],"exclude":[]}'::jsonb NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	"recurring_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "tracked_entities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_entities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "redact_personal_data" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "analysis_corrections" ADD CONSTRAINT "analysis_corrections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_corrections" ADD CONSTRAINT "analysis_corrections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_corrections" ADD CONSTRAINT "analysis_corrections_workspace_id_feedback_id_feedback_workspace_id_id_fk" FOREIGN KEY ("workspace_id","feedback_id") REFERENCES "public"."feedback"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_analysis" ADD CONSTRAINT "feedback_analysis_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_analysis" ADD CONSTRAINT "feedback_analysis_workspace_id_feedback_id_feedback_workspace_id_id_fk" FOREIGN KEY ("workspace_id","feedback_id") REFERENCES "public"."feedback"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_themes" ADD CONSTRAINT "feedback_themes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_themes" ADD CONSTRAINT "feedback_themes_workspace_id_feedback_id_feedback_workspace_id_id_fk" FOREIGN KEY ("workspace_id","feedback_id") REFERENCES "public"."feedback"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_themes" ADD CONSTRAINT "feedback_themes_workspace_id_theme_id_themes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","theme_id") REFERENCES "public"."themes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_workspace_id_feedback_id_feedback_workspace_id_id_fk" FOREIGN KEY ("workspace_id","feedback_id") REFERENCES "public"."feedback"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_people" ADD CONSTRAINT "staff_people_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_people" ADD CONSTRAINT "staff_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD CONSTRAINT "staff_teams_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_similarity_bands" ADD CONSTRAINT "text_similarity_bands_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entities" ADD CONSTRAINT "tracked_entities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_corrections_feedback_idx" ON "analysis_corrections" USING btree ("workspace_id","feedback_id");--> statement-breakpoint
CREATE INDEX "feedback_analysis_label_idx" ON "feedback_analysis" USING btree ("workspace_id","sentiment_label");--> statement-breakpoint
CREATE INDEX "feedback_analysis_version_idx" ON "feedback_analysis" USING btree ("workspace_id","version");--> statement-breakpoint
CREATE INDEX "feedback_analysis_duplicate_idx" ON "feedback_analysis" USING btree ("workspace_id","duplicate_of");--> statement-breakpoint
CREATE INDEX "feedback_themes_theme_idx" ON "feedback_themes" USING btree ("workspace_id","theme_id");--> statement-breakpoint
CREATE INDEX "mentions_feedback_idx" ON "mentions" USING btree ("workspace_id","feedback_id");--> statement-breakpoint
CREATE INDEX "mentions_entity_idx" ON "mentions" USING btree ("workspace_id","kind","entity_id","received_at");--> statement-breakpoint
CREATE INDEX "text_similarity_bands_subject_idx" ON "text_similarity_bands" USING btree ("workspace_id","subject","subject_id");--> statement-breakpoint
CREATE INDEX "themes_status_idx" ON "themes" USING btree ("workspace_id","status");