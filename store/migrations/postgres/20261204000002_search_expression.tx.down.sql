DROP INDEX organizations_search_idx;
--bun:split
ALTER TABLE organizations
    ADD COLUMN name_vec tsvector GENERATED ALWAYS AS (
        array_to_tsvector(array_remove(string_to_array(name_key, ' '), ''))
    ) STORED,
    ADD COLUMN search_vec tsvector GENERATED ALWAYS AS (
        array_to_tsvector(array_remove(string_to_array(
            name_key || ' ' || rest_key || ' ' || facet_key, ' '), ''))
    ) STORED;
--bun:split
CREATE INDEX organizations_search_idx
    ON organizations USING gin (search_vec);
