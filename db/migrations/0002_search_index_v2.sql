-- The embedded search index, second version (see docs/decisions/006-search.md).
-- Derived data only: `npm run cli -- search:reindex` rebuilds both tables from the catalog.
--
-- listing_search: the words. Contentless (the text lives in `listings`), rows deletable.
-- Every column holds text folded by the search module (no tone or vowel marks, đ→d,
-- lower case, numbers split from units), so the tokenizer only splits on spaces.
DROP TABLE IF EXISTS `listing_search_vocab`;
--> statement-breakpoint
DROP TABLE IF EXISTS `listing_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `listing_search` USING fts5(
	`title`,
	`body`,
	`tags`,
	`category`,
	`producer`,
	`commune`,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
-- Words of the index with their document counts, for typo tolerance.
CREATE VIRTUAL TABLE `listing_search_vocab` USING fts5vocab(`listing_search`, 'row');
--> statement-breakpoint
-- listing_search_docs: what search filters, counts, sorts and ranks on, one row per listing
-- ever indexed (is_visible = 0 once it left the index). The *_words columns repeat the
-- folded words of each FTS5 column, for ranking in memory (tiers and bm25 of the best rows
-- without another pass over the index); `marked_words` holds the title and tags lower-cased
-- with their marks (for "exactly-marked words first": "đường" before "dương"). `version`
-- grows with every write so each server process can bring its in-memory copy up to date
-- with one indexed read.
CREATE TABLE `listing_search_docs` (
	`listing_id` integer PRIMARY KEY NOT NULL,
	`is_visible` integer NOT NULL CHECK (`is_visible` in (0, 1)),
	`category_id` integer,
	`commune` text,
	`price_vnd` integer,
	`stock` integer,
	`ocop_stars` integer NOT NULL DEFAULT 0,
	`ocop_expires_on` text,
	`certifications` text NOT NULL DEFAULT '[]',
	`published_at` integer,
	`title_words` text NOT NULL DEFAULT '',
	`body_words` text NOT NULL DEFAULT '',
	`tags_words` text NOT NULL DEFAULT '',
	`category_words` text NOT NULL DEFAULT '',
	`producer_words` text NOT NULL DEFAULT '',
	`commune_words` text NOT NULL DEFAULT '',
	`marked_words` text NOT NULL DEFAULT '',
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `listing_search_docs_version_idx` ON `listing_search_docs` (`version`);
