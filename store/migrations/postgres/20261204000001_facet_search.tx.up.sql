-- Filters are matched by the search vector too: facet_key holds one
-- token per facet value and one for the status, such as "#province=34"
-- or "#status=active", so a search with text and filters, or with
-- filters alone, is a single scan of the GIN index. The tokens start
-- with "#", which no folded word holds, so no text prefix matches them.
ALTER TABLE organizations ADD COLUMN facet_key text NOT NULL DEFAULT '';
--bun:split
UPDATE organizations AS o SET facet_key = coalesce((
    SELECT string_agg('#' || facet || '=' || value, ' ')
    FROM organization_facets
    WHERE organization_id = o.id
) || ' ', '') || '#status=' || status;
--bun:split
DROP INDEX organizations_search_idx;
--bun:split
ALTER TABLE organizations DROP COLUMN search_vec;
--bun:split
ALTER TABLE organizations
    ADD COLUMN search_vec tsvector GENERATED ALWAYS AS (
        array_to_tsvector(array_remove(string_to_array(
            name_key || ' ' || rest_key || ' ' || facet_key, ' '), ''))
    ) STORED;
--bun:split
CREATE INDEX organizations_search_idx
    ON organizations USING gin (search_vec);
