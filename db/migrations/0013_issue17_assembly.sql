CREATE TABLE `household_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`name` text NOT NULL,
	`birth_date` text NOT NULL,
	`representative` integer DEFAULT false NOT NULL,
	`user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `household_members_household_idx` ON `household_members` (`household_id`);--> statement-breakpoint
CREATE INDEX `household_members_community_idx` ON `household_members` (`community_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`code` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	`removed_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_code_unique` ON `households` (`community_id`,`code`);--> statement-breakpoint
CREATE INDEX `households_group_idx` ON `households` (`community_id`,`group_name`);--> statement-breakpoint
CREATE TABLE `appraisal_subjects` (
	`appraisal_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`competent` integer DEFAULT 0 NOT NULL,
	`basically_competent` integer DEFAULT 0 NOT NULL,
	`incompetent` integer DEFAULT 0 NOT NULL,
	`verdict` text,
	PRIMARY KEY(`appraisal_id`, `user_id`),
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `appraisal_voters` (
	`appraisal_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`cast_at` integer NOT NULL,
	PRIMARY KEY(`appraisal_id`, `user_id`),
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `appraisals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`year` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`chaired_by` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chaired_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisals_year_unique` ON `appraisals` (`community_id`,`year`);--> statement-breakpoint
CREATE TABLE `assembly_authorisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`catalogue_entry_id` integer NOT NULL,
	`scope` text NOT NULL,
	`granted_on` text NOT NULL,
	`expires_on` text,
	`meeting_id` integer,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`catalogue_entry_id`) REFERENCES `catalogue_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assembly_authorisations_idx` ON `assembly_authorisations` (`community_id`,`catalogue_entry_id`);--> statement-breakpoint
CREATE TABLE `assembly_roll` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`member_id` integer,
	`seat` text NOT NULL,
	`checked_in_at` integer,
	`checked_in_by` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `household_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assembly_roll_person_unique` ON `assembly_roll` (`meeting_id`,`member_id`) WHERE seat = 'person';--> statement-breakpoint
CREATE UNIQUE INDEX `assembly_roll_household_unique` ON `assembly_roll` (`meeting_id`,`household_id`) WHERE seat = 'household';--> statement-breakpoint
CREATE TABLE `deliberation_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`step` text NOT NULL,
	`held_on` text NOT NULL,
	`body` text NOT NULL,
	`attended` integer NOT NULL,
	`expected` integer NOT NULL,
	`outcome` text NOT NULL,
	`minutes` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliberation_steps_topic_idx` ON `deliberation_steps` (`topic_id`);--> statement-breakpoint
CREATE TABLE `meeting_request_petitioners` (
	`request_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`request_id`, `member_id`),
	FOREIGN KEY (`request_id`) REFERENCES `meeting_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `household_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `catalogue_entries` ADD `decided_by` text DEFAULT 'representatives' NOT NULL;--> statement-breakpoint
ALTER TABLE `catalogue_entries` ADD `four_two` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `undoes_resolution_id` integer;--> statement-breakpoint
ALTER TABLE `topics` ADD `undo_kind` text;--> statement-breakpoint
ALTER TABLE `meeting_requests` ADD `body` text DEFAULT 'representatives' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `body` text DEFAULT 'representatives' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `count_by` text;--> statement-breakpoint
ALTER TABLE `motions` ADD `counted_by` text;