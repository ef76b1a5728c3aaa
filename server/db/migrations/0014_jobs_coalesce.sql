DROP INDEX "jobs_workspace_state_idx";--> statement-breakpoint
CREATE INDEX "jobs_workspace_state_idx" ON "jobs" USING btree ("workspace_id","state","name");