-- The search vector is no longer stored in each row: the GIN index is
-- built on the expression that makes it from the keys. A search reads the
-- row of every match (to see that it is visible and to sort it), and rows
-- without two vectors are half as wide, so twice as many share a page and
-- stay in the buffer cache. The first group, matches by name, is told by
-- the name key itself.
DROP INDEX organizations_search_idx;
--bun:split
ALTER TABLE organizations DROP COLUMN search_vec, DROP COLUMN name_vec;
--bun:split
CREATE INDEX organizations_search_idx ON organizations USING gin ((
    array_to_tsvector(array_remove(string_to_array(
        name_key || ' ' || rest_key || ' ' || facet_key, ' '), ''))
));
