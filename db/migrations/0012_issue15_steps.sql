DROP INDEX `motions_topic_open_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `motions_topic_open_unique` ON `motions` (`topic_id`) WHERE status not in ('closed', 'lapsed');--> statement-breakpoint
ALTER TABLE `catalogue_entries` ADD `consultation_optional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `rules` ADD `time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL;--> statement-breakpoint
ALTER TABLE `topic_comments` ADD `message` text;--> statement-breakpoint
ALTER TABLE `topic_events` ADD `reason_message` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `public_reason_message` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `consultation_waiver` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `started_early` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `execution_tasks` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `execution_tasks` ADD `removed_by` integer REFERENCES users(id);