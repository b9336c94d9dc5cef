DROP TRIGGER organization_search_update;
--bun:split
DROP TRIGGER organization_search_delete;
--bun:split
DROP TRIGGER organization_search_insert;
--bun:split
DROP TABLE organization_search;
--bun:split
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
--bun:split
ALTER TABLE organizations DROP COLUMN facet_key;
