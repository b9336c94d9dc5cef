DROP TRIGGER service_search_delete;
--bun:split
DROP TABLE service_search;
