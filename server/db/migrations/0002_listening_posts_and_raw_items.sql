-- pg_trgm makes free-text search of feedback use an index (bundled with PGlite and PostgreSQL contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "listening_posts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"touchpoint_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_error" text,
	"last_received_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listening_posts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "raw_items" (
	"workspace_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"post_id" uuid,
	"channel" text NOT NULL,
	"dedup_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"feedback_id" uuid,
	"processed_at" timestamp with time zone,
	CONSTRAINT "raw_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
DROP INDEX "contacts_email_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "social_handle" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "raw_item_id" bigint;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "listening_posts" ADD CONSTRAINT "listening_posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_posts" ADD CONSTRAINT "listening_posts_workspace_id_touchpoint_id_touchpoints_workspace_id_id_fk" FOREIGN KEY ("workspace_id","touchpoint_id") REFERENCES "public"."touchpoints"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raw_items" ADD CONSTRAINT "raw_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raw_items" ADD CONSTRAINT "raw_items_workspace_id_post_id_listening_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."listening_posts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "raw_items_dedup_key" ON "raw_items" USING btree ("workspace_id","dedup_key");--> statement-breakpoint
CREATE INDEX "raw_items_state_idx" ON "raw_items" USING btree ("workspace_id","state") WHERE state <> 'processed';--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_key" ON "accounts" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "accounts_domain_idx" ON "accounts" USING btree ("workspace_id",lower("domain"));--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_email_key" ON "contacts" USING btree ("workspace_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_external_id_key" ON "contacts" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "contacts_phone_idx" ON "contacts" USING btree ("workspace_id","phone");--> statement-breakpoint
CREATE INDEX "contacts_handle_idx" ON "contacts" USING btree ("workspace_id","social_handle");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_raw_item_key" ON "feedback" USING btree ("workspace_id","raw_item_id");--> statement-breakpoint
CREATE INDEX "feedback_text_trgm_idx" ON "feedback" USING gin ("text" gin_trgm_ops);