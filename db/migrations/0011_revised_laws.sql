CREATE TABLE `meeting_observers` (
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`capacity` text NOT NULL,
	`checked_in_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `owner_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`owners_total` integer NOT NULL,
	`area_total` integer NOT NULL,
	`participants` integer NOT NULL,
	`participants_area` integer NOT NULL,
	`consenting` integer NOT NULL,
	`consenting_area` integer NOT NULL,
	`held_on` text NOT NULL,
	`passed` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `owner_decisions_topic_id_unique` ON `owner_decisions` (`topic_id`);--> statement-breakpoint
CREATE TABLE `party_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`body` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `party_reviews_topic_idx` ON `party_reviews` (`topic_id`);--> statement-breakpoint
CREATE TABLE `publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`topic_id` integer,
	`kind` text NOT NULL,
	`ref_id` integer,
	`title` text NOT NULL,
	`published_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `publications_community_idx` ON `publications` (`community_id`,`published_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `publications_ref_unique` ON `publications` (`kind`,`ref_id`);--> statement-breakpoint
ALTER TABLE `catalogue_entries` ADD `pass_of_all` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `catalogue_entries` ADD `important` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `catalogue_entries` ADD `owners_decide` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `rules` ADD `law_revision` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting_attendance` ADD `seat` text DEFAULT 'representative' NOT NULL;--> statement-breakpoint
ALTER TABLE `motions` ADD `pass_of_all` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `motions` ADD `basis` text;--> statement-breakpoint
ALTER TABLE `resolutions` ADD `status_at` integer;--> statement-breakpoint
ALTER TABLE `resolutions` ADD `status_reason` text;