DROP INDEX `topics_stage_idx`;--> statement-breakpoint
CREATE INDEX `topics_state_idx` ON `topics` (`community_id`,`status`,`state`,"overdue" desc,`stage_entered_at`,`id`);--> statement-breakpoint
CREATE INDEX `topics_stage_idx` ON `topics` (`community_id`,`status`,`stage`,`stage_entered_at`,`id`);