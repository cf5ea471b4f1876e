CREATE TABLE `department_call_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`percent` integer,
	`due_at` integer,
	`actor_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `department_calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `department_call_events_call_idx` ON `department_call_events` (`call_id`);--> statement-breakpoint
CREATE TABLE `department_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`task_id` integer,
	`department_id` integer NOT NULL,
	`origin` text NOT NULL,
	`ask` text NOT NULL,
	`wanted_by` integer NOT NULL,
	`state` text DEFAULT 'sent' NOT NULL,
	`response_due_at` integer NOT NULL,
	`first_responded_at` integer,
	`promised_by` integer,
	`percent` integer DEFAULT 0 NOT NULL,
	`decline_reason` text,
	`resolved_at` integer,
	`response_overdue` integer DEFAULT false NOT NULL,
	`work_overdue` integer DEFAULT false NOT NULL,
	`previous_call_id` integer,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `execution_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `department_calls_department_idx` ON `department_calls` (`department_id`,`state`);--> statement-breakpoint
CREATE INDEX `department_calls_topic_idx` ON `department_calls` (`topic_id`);--> statement-breakpoint
CREATE INDEX `department_calls_street_idx` ON `department_calls` (`street_id`,`state`,`response_due_at`);--> statement-breakpoint
CREATE TABLE `department_contacts` (
	`department_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`added_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`department_id`, `user_id`),
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `department_contacts_user_idx` ON `department_contacts` (`user_id`);--> statement-breakpoint
CREATE TABLE `department_invites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`code_hint` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by` integer,
	`revoked_at` integer,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `department_invites_code_hash_unique` ON `department_invites` (`code_hash`);--> statement-breakpoint
CREATE INDEX `department_invites_department_idx` ON `department_invites` (`department_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`response_hours` integer NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `departments_street_idx` ON `departments` (`street_id`);--> statement-breakpoint
CREATE TABLE `hotline_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`format` text NOT NULL,
	`user_id` integer,
	`token_id` integer,
	`tickets` integer NOT NULL,
	`since` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`token_id`) REFERENCES `hotline_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hotline_exports_street_idx` ON `hotline_exports` (`street_id`,`at`);--> statement-breakpoint
CREATE TABLE `hotline_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`label` text NOT NULL,
	`token_hash` text NOT NULL,
	`token_hint` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hotline_tokens_token_hash_unique` ON `hotline_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `hotline_tokens_street_idx` ON `hotline_tokens` (`street_id`);