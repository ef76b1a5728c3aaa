DROP INDEX "text_similarity_bands_subject_idx";--> statement-breakpoint
ALTER TABLE "feedback_analysis" ADD COLUMN "minhash" "bytea";