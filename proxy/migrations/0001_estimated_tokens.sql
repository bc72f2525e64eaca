ALTER TABLE `usage` ADD `estimated_prompt_tokens` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `usage` ADD `estimated_completion_tokens` integer DEFAULT 0 NOT NULL;