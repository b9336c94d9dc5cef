DROP INDEX organizations_search_idx;
--bun:split
ALTER TABLE organizations DROP COLUMN search_vec, DROP COLUMN name_vec;
