-- The embedded search index (SQLite FTS5). drizzle cannot express virtual tables, so this
-- migration is custom. Text is stored already folded (NFC -> no tone/vowel marks -> đ to d
-- -> lower case) by the search module, so the tokenizer only needs to split words.
-- rowid = listings.id. The index is derived data: `npm run cli -- search:reindex` rebuilds it.
CREATE VIRTUAL TABLE `listing_search` USING fts5(
	`title`,
	`body`,
	`tags`,
	`category`,
	`producer`,
	`commune`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
-- Words of the index with their counts, for typo tolerance against the index vocabulary.
CREATE VIRTUAL TABLE `listing_search_vocab` USING fts5vocab(`listing_search`, 'row');
