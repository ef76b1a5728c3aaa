CREATE TABLE "connector_sources" (
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"type" text NOT NULL,
	"label" text NOT NULL,
	"etag" text,
	"last_modified" text,
	"cursor" text,
	"last_polled_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"items_stored" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connector_sources_workspace_id_post_id_source_key_pk" PRIMARY KEY("workspace_id","post_id","source_key")
);
--> statement-breakpoint
ALTER TABLE "connector_sources" ADD CONSTRAINT "connector_sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_sources" ADD CONSTRAINT "connector_sources_workspace_id_post_id_listening_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."listening_posts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_sources_due_idx" ON "connector_sources" USING btree ("workspace_id","next_poll_at");