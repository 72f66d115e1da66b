CREATE TABLE `union_members` (
	`id` integer PRIMARY KEY NOT NULL,
	`org_unit_id` integer NOT NULL,
	`full_name` text NOT NULL,
	`birth_year` integer,
	`phone` text,
	`joined_on` text NOT NULL,
	`producer_id` integer,
	`ethnic_group` text,
	`household_status` text,
	`has_disability` integer,
	`consent_given_on` text,
	`consent_form` text,
	`consent_recorded_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`consent_recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "union_members_birth_year_check" CHECK("union_members"."birth_year" is null or "union_members"."birth_year" between 1900 and 2100),
	CONSTRAINT "union_members_household_check" CHECK("union_members"."household_status" is null or "union_members"."household_status" in ('none','near_poor','poor')),
	CONSTRAINT "union_members_consent_form_check" CHECK("union_members"."consent_form" is null or "union_members"."consent_form" in ('paper','verbal','electronic')),
	CONSTRAINT "union_members_consent_check" CHECK(("union_members"."consent_given_on" is null) = ("union_members"."consent_form" is null)
        and ("union_members"."consent_given_on" is not null or ("union_members"."ethnic_group" is null and "union_members"."household_status" is null and "union_members"."has_disability" is null)))
);
--> statement-breakpoint
CREATE INDEX `union_members_org_idx` ON `union_members` (`org_unit_id`);--> statement-breakpoint
CREATE INDEX `union_members_producer_idx` ON `union_members` (`producer_id`);--> statement-breakpoint
CREATE TABLE `union_officers` (
	`id` integer PRIMARY KEY NOT NULL,
	`org_unit_id` integer NOT NULL,
	`full_name` text NOT NULL,
	`position` text NOT NULL,
	`term_start` text NOT NULL,
	`term_end` text,
	`full_time` integer DEFAULT false NOT NULL,
	`phone` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "union_officers_term_check" CHECK("union_officers"."term_end" is null or "union_officers"."term_end" >= "union_officers"."term_start")
);
--> statement-breakpoint
CREATE INDEX `union_officers_org_idx` ON `union_officers` (`org_unit_id`);--> statement-breakpoint
CREATE TABLE `listing_status_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`status` text NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `listing_status_log_listing_idx` ON `listing_status_log` (`listing_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `producer_count_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`members_total` integer NOT NULL,
	`members_women` integer NOT NULL,
	`members_ethnic_minority` integer NOT NULL,
	`members_poor_household` integer NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "producer_count_log_women_check" CHECK("producer_count_log"."members_women" >= 0)
);
--> statement-breakpoint
CREATE INDEX `producer_count_log_producer_idx` ON `producer_count_log` (`producer_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `report_orders` (
	`grain` text NOT NULL,
	`period` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`orders` integer NOT NULL,
	`sales_vnd` integer NOT NULL,
	PRIMARY KEY(`grain`, `period`, `org_unit_id`, `producer_id`)
);
--> statement-breakpoint
CREATE TABLE `report_sales` (
	`grain` text NOT NULL,
	`period` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`ocop_stars` integer NOT NULL,
	`sales_vnd` integer NOT NULL,
	`lines` integer NOT NULL,
	PRIMARY KEY(`grain`, `period`, `org_unit_id`, `producer_id`, `category_id`, `ocop_stars`)
);
--> statement-breakpoint
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
	`commission_basis_points` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`merged_into_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "org_units_level_check" CHECK("__new_org_units"."level" in ('province','commune','branch')),
	CONSTRAINT "org_units_commission_check" CHECK("__new_org_units"."commission_basis_points" between 0 and 10000),
	CONSTRAINT "org_units_path_check" CHECK("__new_org_units"."path" like '/%/'),
	CONSTRAINT "org_units_merged_check" CHECK(("__new_org_units"."merged_into_id" is null) = ("__new_org_units"."merged_at" is null) and ("__new_org_units"."merged_into_id" is null or "__new_org_units"."merged_into_id" = "__new_org_units"."parent_id"))
);
--> statement-breakpoint
INSERT INTO `__new_org_units`("id", "code", "name", "level", "parent_id", "path", "commune_code", "commission_basis_points", "created_at") SELECT "id", "code", "name", "level", "parent_id", "path", "commune_code", "commission_basis_points", "created_at" FROM `org_units`;--> statement-breakpoint
DROP TABLE `org_units`;--> statement-breakpoint
ALTER TABLE `__new_org_units` RENAME TO `org_units`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_code_unique` ON `org_units` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_name_unique` ON `org_units` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_commune_code_unique` ON `org_units` (`commune_code`);--> statement-breakpoint
CREATE INDEX `org_units_parent_idx` ON `org_units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `org_units_path_idx` ON `org_units` (`path`);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `category_id` integer REFERENCES categories(id);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `ocop_stars` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_completed_idx` ON `orders` (`completed_at`,`org_unit_id`,`buyer_user_id`) WHERE "orders"."status" = 'completed';--> statement-breakpoint
CREATE INDEX `refunds_created_idx` ON `refunds` (`created_at`);--> statement-breakpoint
-- Reports (docs/decisions/020-outcome-reports.md): what an order line was when placed.
UPDATE order_lines SET
  category_id = (SELECT li.category_id FROM listings li WHERE li.id = order_lines.listing_id),
  ocop_stars = (SELECT CASE WHEN li.ocop_badge_hidden THEN 0 ELSE li.ocop_stars END FROM listings li WHERE li.id = order_lines.listing_id)
WHERE listing_id IS NOT NULL;--> statement-breakpoint
UPDATE order_lines SET category_id = (
  SELECT pr.category_id FROM offers o JOIN purchase_requests pr ON pr.id = o.purchase_request_id
  WHERE o.order_id = order_lines.order_id LIMIT 1)
WHERE listing_id IS NULL;--> statement-breakpoint
-- Histories start here: one row for what each listing and producer is now.
INSERT INTO listing_status_log (listing_id, status, changed_at)
  SELECT id, status, CASE WHEN status = 'published' AND published_at IS NOT NULL THEN published_at ELSE created_at END
  FROM listings;--> statement-breakpoint
INSERT INTO producer_count_log (producer_id, members_total, members_women, members_ethnic_minority, members_poor_household, changed_at)
  SELECT id, members_total, members_women, members_ethnic_minority, members_poor_household, created_at FROM producers;--> statement-breakpoint
INSERT INTO report_sales (grain, period, org_unit_id, producer_id, category_id, ocop_stars, sales_vnd, lines)
  SELECT 'day', strftime('%Y-%m-%d', o.completed_at / 1000, 'unixepoch', '+7 hours'), o.org_unit_id, o.producer_id, ifnull(l.category_id, 0), l.ocop_stars, sum(l.line_total_vnd), count(*)
  FROM orders o JOIN order_lines l ON l.order_id = o.id
  WHERE o.status = 'completed' AND o.completed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO report_orders (grain, period, org_unit_id, producer_id, orders, sales_vnd)
  SELECT 'day', strftime('%Y-%m-%d', o.completed_at / 1000, 'unixepoch', '+7 hours'), o.org_unit_id, o.producer_id, count(*), sum(o.subtotal_vnd)
  FROM orders o WHERE o.status = 'completed' AND o.completed_at IS NOT NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO report_sales (grain, period, org_unit_id, producer_id, category_id, ocop_stars, sales_vnd, lines)
  SELECT 'month', strftime('%Y-%m', o.completed_at / 1000, 'unixepoch', '+7 hours'), o.org_unit_id, o.producer_id, ifnull(l.category_id, 0), l.ocop_stars, sum(l.line_total_vnd), count(*)
  FROM orders o JOIN order_lines l ON l.order_id = o.id
  WHERE o.status = 'completed' AND o.completed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO report_orders (grain, period, org_unit_id, producer_id, orders, sales_vnd)
  SELECT 'month', strftime('%Y-%m', o.completed_at / 1000, 'unixepoch', '+7 hours'), o.org_unit_id, o.producer_id, count(*), sum(o.subtotal_vnd)
  FROM orders o WHERE o.status = 'completed' AND o.completed_at IS NOT NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER listings_status_log_insert AFTER INSERT ON listings BEGIN
  INSERT INTO listing_status_log (listing_id, status, changed_at) VALUES (new.id, new.status,
    CASE WHEN new.status = 'published' AND new.published_at IS NOT NULL THEN new.published_at ELSE new.created_at END);
END;--> statement-breakpoint
CREATE TRIGGER listings_status_log_update AFTER UPDATE OF status ON listings WHEN new.status IS NOT old.status BEGIN
  INSERT INTO listing_status_log (listing_id, status, changed_at) VALUES (new.id, new.status,
    CASE WHEN new.status = 'published' AND new.published_at IS NOT NULL AND new.published_at IS NOT old.published_at
      THEN new.published_at ELSE cast(unixepoch('subsec') * 1000 as integer) END);
END;--> statement-breakpoint
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
CREATE TRIGGER orders_completed_rollup AFTER UPDATE OF status ON orders
WHEN new.status = 'completed' AND old.status IS NOT 'completed' AND new.completed_at IS NOT NULL BEGIN
  INSERT INTO report_sales (grain, period, org_unit_id, producer_id, category_id, ocop_stars, sales_vnd, lines)
    SELECT 'day', strftime('%Y-%m-%d', new.completed_at / 1000, 'unixepoch', '+7 hours'), new.org_unit_id, new.producer_id, ifnull(l.category_id, 0), l.ocop_stars,
      sum(l.line_total_vnd), count(*)
    FROM order_lines l WHERE l.order_id = new.id GROUP BY ifnull(l.category_id, 0), l.ocop_stars
    ON CONFLICT (grain, period, org_unit_id, producer_id, category_id, ocop_stars)
    DO UPDATE SET sales_vnd = sales_vnd + excluded.sales_vnd, lines = lines + excluded.lines;
  INSERT INTO report_orders (grain, period, org_unit_id, producer_id, orders, sales_vnd)
    VALUES ('day', strftime('%Y-%m-%d', new.completed_at / 1000, 'unixepoch', '+7 hours'), new.org_unit_id, new.producer_id, 1, new.subtotal_vnd)
    ON CONFLICT (grain, period, org_unit_id, producer_id)
    DO UPDATE SET orders = orders + 1, sales_vnd = sales_vnd + excluded.sales_vnd;
  INSERT INTO report_sales (grain, period, org_unit_id, producer_id, category_id, ocop_stars, sales_vnd, lines)
    SELECT 'month', strftime('%Y-%m', new.completed_at / 1000, 'unixepoch', '+7 hours'), new.org_unit_id, new.producer_id, ifnull(l.category_id, 0), l.ocop_stars,
      sum(l.line_total_vnd), count(*)
    FROM order_lines l WHERE l.order_id = new.id GROUP BY ifnull(l.category_id, 0), l.ocop_stars
    ON CONFLICT (grain, period, org_unit_id, producer_id, category_id, ocop_stars)
    DO UPDATE SET sales_vnd = sales_vnd + excluded.sales_vnd, lines = lines + excluded.lines;
  INSERT INTO report_orders (grain, period, org_unit_id, producer_id, orders, sales_vnd)
    VALUES ('month', strftime('%Y-%m', new.completed_at / 1000, 'unixepoch', '+7 hours'), new.org_unit_id, new.producer_id, 1, new.subtotal_vnd)
    ON CONFLICT (grain, period, org_unit_id, producer_id)
    DO UPDATE SET orders = orders + 1, sales_vnd = sales_vnd + excluded.sales_vnd;
END;
