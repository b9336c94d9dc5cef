-- Filters are matched by the full-text index too: facet_key holds one
-- token per facet value and one for the status, such as "#province=34"
-- or "#status=active", so a search with text and filters, or with
-- filters alone, is a single lookup in the index. The tokens start with
-- "#", which no folded word holds, so no text can match them.
ALTER TABLE organizations ADD COLUMN facet_key TEXT NOT NULL DEFAULT '';
--bun:split
UPDATE organizations SET facet_key = coalesce((
    SELECT group_concat('#' || facet || '=' || value, ' ')
    FROM organization_facets
    WHERE organization_id = organizations.id
) || ' ', '') || '#status=' || status;
--bun:split
DROP TRIGGER organization_search_update;
--bun:split
DROP TRIGGER organization_search_delete;
--bun:split
DROP TRIGGER organization_search_insert;
--bun:split
DROP TABLE organization_search;
--bun:split
-- The index keeps which column a word is in (detail=column), enough to
-- rank name matches first, but not its positions, which no search uses.
-- Without positions a query word must be one token, so the tokenizer
-- splits text exactly where folding does: spacing marks (category Mc,
-- the vowel signs of Tamil say) belong to words, and so do "#", "=",
-- "_" and "-", which only facet tokens hold. (tokenchars must come
-- before categories, which otherwise override it.)
CREATE VIRTUAL TABLE organization_search USING fts5 (
    name_key,
    rest_key,
    facet_key,
    content = 'organizations',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0 tokenchars ''#=_-'' categories ''L* N* Co Mc''',
    prefix = '2 3 4',
    detail = column
);
--bun:split
CREATE TRIGGER organization_search_insert AFTER INSERT ON organizations
BEGIN
    INSERT INTO organization_search (rowid, name_key, rest_key, facet_key)
    VALUES (new.id, new.name_key, new.rest_key, new.facet_key);
END;
--bun:split
CREATE TRIGGER organization_search_delete AFTER DELETE ON organizations
BEGIN
    INSERT INTO organization_search
        (organization_search, rowid, name_key, rest_key, facet_key)
    VALUES ('delete', old.id, old.name_key, old.rest_key, old.facet_key);
END;
--bun:split
CREATE TRIGGER organization_search_update
AFTER UPDATE OF name_key, rest_key, facet_key ON organizations
BEGIN
    INSERT INTO organization_search
        (organization_search, rowid, name_key, rest_key, facet_key)
    VALUES ('delete', old.id, old.name_key, old.rest_key, old.facet_key);
    INSERT INTO organization_search (rowid, name_key, rest_key, facet_key)
    VALUES (new.id, new.name_key, new.rest_key, new.facet_key);
END;
--bun:split
INSERT INTO organization_search (organization_search) VALUES ('rebuild');
