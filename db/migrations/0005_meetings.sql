CREATE TABLE `ballots` (
	`motion_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`choice` text,
	`recorded_by` integer,
	`cast_at` integer NOT NULL,
	`ledger_seq` integer NOT NULL,
	PRIMARY KEY(`motion_id`, `user_id`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`checked_in_at` integer,
	`checked_in_by` integer,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_request_signatures` (
	`request_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`request_id`, `user_id`),
	FOREIGN KEY (`request_id`) REFERENCES `meeting_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'collecting' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`pending_at` integer,
	`meeting_id` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_requests_community_idx` ON `meeting_requests` (`community_id`,`status`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`place` text NOT NULL,
	`scheduled_at` integer NOT NULL,
	`notice_days_required` integer NOT NULL,
	`short_notice` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`members` integer,
	`request_id` integer,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `meeting_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_number_unique` ON `meetings` (`community_id`,`number`);--> statement-breakpoint
CREATE INDEX `meetings_scheduled_idx` ON `meetings` (`community_id`,`scheduled_at`);--> statement-breakpoint
CREATE TABLE `motions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`sha256` text NOT NULL,
	`secret` integer DEFAULT false NOT NULL,
	`on_fail` text DEFAULT 'revise' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`pass_num` integer NOT NULL,
	`pass_den` integer NOT NULL,
	`pass_inclusive` integer NOT NULL,
	`opened_at` integer,
	`opened_by` integer,
	`closed_at` integer,
	`closed_by` integer,
	`yes` integer DEFAULT 0 NOT NULL,
	`no` integer DEFAULT 0 NOT NULL,
	`abstain` integer DEFAULT 0 NOT NULL,
	`present` integer,
	`passed` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `motions_position_unique` ON `motions` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `motions_topic_idx` ON `motions` (`topic_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `motions_topic_open_unique` ON `motions` (`topic_id`) WHERE status <> 'closed';--> statement-breakpoint
CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resolution_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`answer` text,
	`upheld` integer,
	`answered_by` integer,
	`answered_at` integer,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objections_resolution_idx` ON `objections` (`resolution_id`);--> statement-breakpoint
CREATE TABLE `resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`motion_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`status` text DEFAULT 'publicity' NOT NULL,
	`published_at` integer NOT NULL,
	`publicity_ends_at` integer NOT NULL,
	`effective_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resolutions_motion_id_unique` ON `resolutions` (`motion_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `resolutions_number_unique` ON `resolutions` (`community_id`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `resolutions_topic_idx` ON `resolutions` (`topic_id`);