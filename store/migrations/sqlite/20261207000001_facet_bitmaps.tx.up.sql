-- A search with filters and no text counts its matches from per-token
-- bitmaps instead of reading every match, as on PostgreSQL.
-- facet_bitmaps holds, for each facet token ("#province=34",
-- "#status=active", ...), one bit per organization ID, in chunks of
-- 8,192 IDs: bit (id & 8191) of chunk (id >> 13). bits is 1,024 bytes,
-- bit n being byte n >> 3 under mask 0x80 >> (n & 7), the order of
-- PostgreSQL's bit strings; a missing row is a chunk of zeros. SQLite
-- has no bit operations on blobs, so the store's writes keep the bits in
-- step with organizations.facet_key, in the same transaction.
CREATE TABLE facet_bitmaps (
    token TEXT NOT NULL,
    chunk INTEGER NOT NULL,
    bits  BLOB NOT NULL,
    PRIMARY KEY (token, chunk)
) WITHOUT ROWID;
--bun:split
-- The store fills the new table from the facet keys when it opens a
-- database without this setting (see facetBitmapsVersion).
DELETE FROM settings WHERE key = 'facet_bitmaps_version';
