DROP TRIGGER facet_bitmaps_update ON organizations;
--bun:split
DROP TRIGGER facet_bitmaps_delete ON organizations;
--bun:split
DROP TRIGGER facet_bitmaps_insert ON organizations;
--bun:split
DROP FUNCTION facet_bitmaps_update();
--bun:split
DROP FUNCTION facet_bitmaps_delete();
--bun:split
DROP FUNCTION facet_bitmaps_insert();
--bun:split
DROP FUNCTION facet_bitmaps_change(bigint[], text[], boolean);
--bun:split
DROP FUNCTION facet_bitmap(integer[]);
--bun:split
DROP TABLE facet_bitmaps;
