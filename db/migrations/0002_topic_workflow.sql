CREATE TABLE `deadlines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`topic_id` integer,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deadlines_due_idx` ON `deadlines` (`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `deadlines_topic_idx` ON `deadlines` (`topic_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`topic_id` integer,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `topic_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `topic_comments_topic_idx` ON `topic_comments` (`topic_id`);--> statement-breakpoint
CREATE TABLE `topic_cosigns` (
	`topic_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `user_id`),
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `topic_cosigns_user_idx` ON `topic_cosigns` (`user_id`);--> statement-breakpoint
CREATE TABLE `topic_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `topic_events_topic_idx` ON `topic_events` (`topic_id`);--> statement-breakpoint
CREATE TABLE `topic_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `topic_photos_topic_idx` ON `topic_photos` (`topic_id`);--> statement-breakpoint
ALTER TABLE `topics` ADD `state` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `cosign_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `overdue` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `topics` ADD `public_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `show_proposer_name` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `source` text DEFAULT 'resident' NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `external_ref` text;--> statement-breakpoint
UPDATE `topics` SET `state` = CASE
  WHEN `status` <> 'active' THEN `status`
  WHEN `stage` = 'collection' THEN 'open'
  WHEN `stage` = 'deliberation' THEN 'drafting'
  WHEN `stage` = 'consultation' THEN 'consulting'
  WHEN `stage` = 'decision' THEN 'onAgenda'
  WHEN `stage` = 'execution' THEN 'executing'
  ELSE 'verifying'
END;
