-- The vectors hold the folded words of name_key and rest_key exactly as
-- the store wrote them, one lexeme per word. They are built with
-- array_to_tsvector rather than to_tsvector, so no text search parser or
-- locale is involved that could drop or split the letters of a script.
ALTER TABLE organizations
    ADD COLUMN name_vec tsvector GENERATED ALWAYS AS (
        array_to_tsvector(array_remove(string_to_array(name_key, ' '), ''))
    ) STORED,
    ADD COLUMN search_vec tsvector GENERATED ALWAYS AS (
        array_to_tsvector(array_remove(
            string_to_array(name_key || ' ' || rest_key, ' '), ''))
    ) STORED;
--bun:split
CREATE INDEX organizations_search_idx
    ON organizations USING gin (search_vec);
