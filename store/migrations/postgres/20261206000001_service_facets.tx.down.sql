DROP TRIGGER service_bitmaps_update ON service_facets;
--bun:split
DROP TRIGGER service_bitmaps_delete ON service_facets;
--bun:split
DROP TRIGGER service_bitmaps_insert ON service_facets;
--bun:split
DROP FUNCTION service_bitmaps_update();
--bun:split
DROP FUNCTION service_bitmaps_delete();
--bun:split
DROP FUNCTION service_bitmaps_insert();
--bun:split
DROP FUNCTION service_bitmaps_change(bigint[], integer[], text[], boolean);
--bun:split
DROP TABLE service_bitmaps;
--bun:split
DROP TABLE service_facets;
