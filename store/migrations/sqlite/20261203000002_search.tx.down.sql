DROP TRIGGER organization_search_update;
--bun:split
DROP TRIGGER organization_search_delete;
--bun:split
DROP TRIGGER organization_search_insert;
--bun:split
DROP TABLE organization_search;
