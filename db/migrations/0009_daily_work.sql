CREATE TABLE `commission_rates` (
	`id` integer PRIMARY KEY NOT NULL,
	`org_unit_id` integer NOT NULL,
	`basis_points` integer NOT NULL,
	`starts_on` text NOT NULL,
	`set_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`set_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "commission_rates_basis_points_check" CHECK("commission_rates"."basis_points" between 0 and 10000),
	CONSTRAINT "commission_rates_starts_on_check" CHECK("commission_rates"."starts_on" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commission_rates_unit_start_idx` ON `commission_rates` (`org_unit_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `staff_work_alerts` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`level` text NOT NULL,
	`org_unit_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "staff_work_alerts_entity_check" CHECK("staff_work_alerts"."entity_type" in ('producer','listing','revision')),
	CONSTRAINT "staff_work_alerts_level_check" CHECK("staff_work_alerts"."level" in ('nearest','escalated'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_work_alerts_round_idx` ON `staff_work_alerts` (`entity_type`,`entity_id`,`submitted_at`,`level`);--> statement-breakpoint
-- The single rate per unit becomes a rate with a start date; a rate set before keeps applying from the start.
INSERT INTO `commission_rates` (`org_unit_id`, `basis_points`, `starts_on`)
  SELECT `id`, `commission_basis_points`, '2000-01-01' FROM `org_units` WHERE `commission_basis_points` > 0;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_org_units` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`commune_code` text,
	`merged_into_id` integer,
	`merged_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`merged_into_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "org_units_level_check" CHECK("__new_org_units"."level" in ('province','commune','branch')),
	CONSTRAINT "org_units_path_check" CHECK("__new_org_units"."path" like '/%/'),
	CONSTRAINT "org_units_merged_check" CHECK(("__new_org_units"."merged_into_id" is null) = ("__new_org_units"."merged_at" is null) and ("__new_org_units"."merged_into_id" is null or "__new_org_units"."merged_into_id" = "__new_org_units"."parent_id"))
);
--> statement-breakpoint
INSERT INTO `__new_org_units`("id", "code", "name", "level", "parent_id", "path", "commune_code", "merged_into_id", "merged_at", "created_at") SELECT "id", "code", "name", "level", "parent_id", "path", "commune_code", "merged_into_id", "merged_at", "created_at" FROM `org_units`;--> statement-breakpoint
DROP TABLE `org_units`;--> statement-breakpoint
ALTER TABLE `__new_org_units` RENAME TO `org_units`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_code_unique` ON `org_units` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_name_unique` ON `org_units` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_commune_code_unique` ON `org_units` (`commune_code`);--> statement-breakpoint
CREATE INDEX `org_units_parent_idx` ON `org_units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `org_units_path_idx` ON `org_units` (`path`);--> statement-breakpoint
CREATE TABLE `__new_producers` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`commune` text NOT NULL,
	`address` text NOT NULL,
	`phone` text,
	`email` text,
	`members_total` integer NOT NULL,
	`members_women` integer DEFAULT 0 NOT NULL,
	`members_ethnic_minority` integer DEFAULT 0 NOT NULL,
	`members_poor_household` integer DEFAULT 0 NOT NULL,
	`founded_year` integer,
	`story` text DEFAULT '' NOT NULL,
	`bank_bin` text,
	`bank_account_number` text,
	`bank_account_name` text,
	`delivery_fee_vnd` integer DEFAULT 0 NOT NULL,
	`verification_status` text DEFAULT 'pending' NOT NULL,
	`verification_note` text,
	`verification_note_at` integer,
	`suspension_reason` text,
	`suspended_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "producers_kind_check" CHECK("__new_producers"."kind" in ('htx','tho','hkd','nhom')),
	CONSTRAINT "producers_status_check" CHECK("__new_producers"."verification_status" in ('pending','changes_requested','verified','rejected','suspended')),
	CONSTRAINT "producers_members_total_check" CHECK("__new_producers"."members_total" >= 1),
	CONSTRAINT "producers_members_check" CHECK("__new_producers"."members_women" between 0 and "__new_producers"."members_total"
        and "__new_producers"."members_ethnic_minority" between 0 and "__new_producers"."members_total"
        and "__new_producers"."members_poor_household" between 0 and "__new_producers"."members_total"),
	CONSTRAINT "producers_founded_check" CHECK("__new_producers"."founded_year" is null or "__new_producers"."founded_year" between 1900 and 2100),
	CONSTRAINT "producers_delivery_fee_check" CHECK("__new_producers"."delivery_fee_vnd" >= 0),
	CONSTRAINT "producers_bank_bin_check" CHECK("__new_producers"."bank_bin" is null or "__new_producers"."bank_bin" glob '[0-9][0-9][0-9][0-9][0-9][0-9]')
);
--> statement-breakpoint
INSERT INTO `__new_producers`("id", "code", "name", "kind", "org_unit_id", "commune", "address", "phone", "email", "members_total", "members_women", "members_ethnic_minority", "members_poor_household", "founded_year", "story", "bank_bin", "bank_account_number", "bank_account_name", "delivery_fee_vnd", "verification_status", "verification_note", "created_at", "updated_at") SELECT "id", "code", "name", "kind", "org_unit_id", "commune", "address", "phone", "email", "members_total", "members_women", "members_ethnic_minority", "members_poor_household", "founded_year", "story", "bank_bin", "bank_account_number", "bank_account_name", "delivery_fee_vnd", "verification_status", "verification_note", "created_at", "updated_at" FROM `producers`;--> statement-breakpoint
DROP TABLE `producers`;--> statement-breakpoint
ALTER TABLE `__new_producers` RENAME TO `producers`;--> statement-breakpoint
CREATE UNIQUE INDEX `producers_code_unique` ON `producers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `producers_name_unique` ON `producers` (`name`);--> statement-breakpoint
CREATE INDEX `producers_org_unit_idx` ON `producers` (`org_unit_id`);--> statement-breakpoint
CREATE INDEX `producers_status_idx` ON `producers` (`verification_status`);--> statement-breakpoint
-- Dropping the old producers table dropped its triggers (migration 0008): the same ones again.
CREATE TRIGGER producers_count_log_insert AFTER INSERT ON producers BEGIN
  INSERT INTO producer_count_log (producer_id, members_total, members_women, members_ethnic_minority, members_poor_household, changed_at)
    VALUES (new.id, new.members_total, new.members_women, new.members_ethnic_minority, new.members_poor_household, new.created_at);
END;--> statement-breakpoint
CREATE TRIGGER producers_count_log_update AFTER UPDATE OF members_total, members_women, members_ethnic_minority, members_poor_household ON producers
WHEN new.members_total IS NOT old.members_total OR new.members_women IS NOT old.members_women
  OR new.members_ethnic_minority IS NOT old.members_ethnic_minority OR new.members_poor_household IS NOT old.members_poor_household BEGIN
  INSERT INTO producer_count_log (producer_id, members_total, members_women, members_ethnic_minority, members_poor_household, changed_at)
    VALUES (new.id, new.members_total, new.members_women, new.members_ethnic_minority, new.members_poor_household, cast(unixepoch('subsec') * 1000 as integer));
END;--> statement-breakpoint
ALTER TABLE `listings` ADD `moderation_note_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `carrier` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_number` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `to_bank_bin` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `to_account_number` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `to_account_name` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `settled_at` integer;--> statement-breakpoint
ALTER TABLE `refunds` ADD `settled_by_user_id` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `refunds_unsettled_idx` ON `refunds` (`order_id`) WHERE "refunds"."settled_at" is null;--> statement-breakpoint
-- Refunds recorded before this column were settled when recorded.
UPDATE `refunds` SET `settled_at` = `created_at`;
