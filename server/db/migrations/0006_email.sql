CREATE TABLE "email_attachments" (
	"workspace_id" uuid NOT NULL,
	"raw_item_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"filename" text,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "email_attachments_workspace_id_raw_item_id_position_pk" PRIMARY KEY("workspace_id","raw_item_id","position")
);
--> statement-breakpoint
CREATE TABLE "email_imap_state" (
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"uid_validity" bigint,
	"last_uid" bigint DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_polled_at" timestamp with time zone,
	CONSTRAINT "email_imap_state_workspace_id_post_id_pk" PRIMARY KEY("workspace_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"workspace_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"raw_item_id" bigint NOT NULL,
	"post_id" uuid,
	"thread_id" uuid NOT NULL,
	"in_reply_to" text,
	"references" text[] DEFAULT '{}'::text[] NOT NULL,
	"from_address" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_messages_workspace_id_message_id_pk" PRIMARY KEY("workspace_id","message_id")
);
--> statement-breakpoint
ALTER TABLE "email_attachments" ADD CONSTRAINT "email_attachments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_attachments" ADD CONSTRAINT "email_attachments_workspace_id_raw_item_id_raw_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","raw_item_id") REFERENCES "public"."raw_items"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_imap_state" ADD CONSTRAINT "email_imap_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_imap_state" ADD CONSTRAINT "email_imap_state_workspace_id_post_id_listening_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."listening_posts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_workspace_id_raw_item_id_raw_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","raw_item_id") REFERENCES "public"."raw_items"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_workspace_id_post_id_listening_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."listening_posts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_messages_thread_idx" ON "email_messages" USING btree ("workspace_id","thread_id");--> statement-breakpoint
CREATE INDEX "email_messages_raw_item_idx" ON "email_messages" USING btree ("workspace_id","raw_item_id");