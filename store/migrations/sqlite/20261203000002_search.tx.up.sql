-- The full-text index reads its words from the folded keys of
-- organizations (external content) and is kept in step by triggers, so
-- every write that changes a key updates the index in the same
-- transaction.
CREATE VIRTUAL TABLE organization_search USING fts5 (
    name_key,
    rest_key,
    content = 'organizations',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3 4'
);
--bun:split
CREATE TRIGGER organization_search_insert AFTER INSERT ON organizations
BEGIN
    INSERT INTO organization_search (rowid, name_key, rest_key)
    VALUES (new.id, new.name_key, new.rest_key);
END;
--bun:split
CREATE TRIGGER organization_search_delete AFTER DELETE ON organizations
BEGIN
    INSERT INTO organization_search
        (organization_search, rowid, name_key, rest_key)
    VALUES ('delete', old.id, old.name_key, old.rest_key);
END;
--bun:split
CREATE TRIGGER organization_search_update
AFTER UPDATE OF name_key, rest_key ON organizations
BEGIN
    INSERT INTO organization_search
        (organization_search, rowid, name_key, rest_key)
    VALUES ('delete', old.id, old.name_key, old.rest_key);
    INSERT INTO organization_search (rowid, name_key, rest_key)
    VALUES (new.id, new.name_key, new.rest_key);
END;
--bun:split
INSERT INTO organization_search (organization_search) VALUES ('rebuild');
