-- A search with filters and no text must count its matches exactly, and
-- the GIN index alone cannot: PostgreSQL then reads the row of every
-- match to see whether it is visible. facet_bitmaps holds, for each
-- facet token ("#province=34", "#status=active", ...), one bit per
-- organization ID, in chunks of 8,192 IDs: bit (id & 8191) of chunk
-- (id >> 13). Counting the matches of a few filters is then an AND of a
-- handful of such rows and a bit count; the page is found by walking the
-- sort index and keeping the IDs whose bit is set. Statement triggers
-- keep the bits in step with organizations.facet_key, in the same
-- transaction as every write.
CREATE TABLE facet_bitmaps (
    token text NOT NULL,
    chunk integer NOT NULL,
    bits  bit(8192) NOT NULL,
    PRIMARY KEY (token, chunk)
);
--bun:split
-- facet_bitmap returns the chunk with the bits at the positions set.
CREATE FUNCTION facet_bitmap(positions integer[]) RETURNS bit(8192)
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    bits bit(8192) := B'0'::bit(8192);
    p integer;
BEGIN
    FOREACH p IN ARRAY positions LOOP
        bits := set_bit(bits, p, 1);
    END LOOP;
    RETURN bits;
END;
$$;
--bun:split
-- facet_bitmaps_change sets (or, when present is false, clears) the bits
-- of the organizations with the IDs for each token of their facet keys.
-- Rows are locked in the order of their keys first, so that two writers
-- wait for each other instead of locking the same rows in turns.
CREATE FUNCTION facet_bitmaps_change(ids bigint[], keys text[], present boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1
    FROM facet_bitmaps AS f
    WHERE (f.token, f.chunk) IN (
        SELECT t.token, (c.id >> 13)::integer
        FROM unnest(ids, keys) AS c (id, facet_key),
            unnest(string_to_array(c.facet_key, ' ')) AS t (token))
    ORDER BY f.token, f.chunk
    FOR UPDATE;

    IF present THEN
        INSERT INTO facet_bitmaps AS f (token, chunk, bits)
        SELECT t.token, (c.id >> 13)::integer,
            facet_bitmap(array_agg((c.id & 8191)::integer))
        FROM unnest(ids, keys) AS c (id, facet_key),
            unnest(string_to_array(c.facet_key, ' ')) AS t (token)
        WHERE t.token <> ''
        GROUP BY 1, 2
        ORDER BY 1, 2
        ON CONFLICT (token, chunk) DO UPDATE SET bits = f.bits | excluded.bits;
    ELSE
        UPDATE facet_bitmaps AS f SET bits = f.bits & ~gone.bits
        FROM (
            SELECT t.token, (c.id >> 13)::integer AS chunk,
                facet_bitmap(array_agg((c.id & 8191)::integer)) AS bits
            FROM unnest(ids, keys) AS c (id, facet_key),
                unnest(string_to_array(c.facet_key, ' ')) AS t (token)
            WHERE t.token <> ''
            GROUP BY 1, 2
        ) AS gone
        WHERE f.token = gone.token AND f.chunk = gone.chunk;
    END IF;
END;
$$;
--bun:split
CREATE FUNCTION facet_bitmaps_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM facet_bitmaps_change(array_agg(id), array_agg(facet_key), true)
    FROM new_rows;
    RETURN NULL;
END;
$$;
--bun:split
CREATE FUNCTION facet_bitmaps_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM facet_bitmaps_change(array_agg(id), array_agg(facet_key), false)
    FROM old_rows;
    RETURN NULL;
END;
$$;
--bun:split
-- An update moves the bits of the rows whose facet key changed: the old
-- tokens' bits are cleared, then the new ones' set.
CREATE FUNCTION facet_bitmaps_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    old_keys text[];
    new_keys text[];
BEGIN
    SELECT array_agg(n.id), array_agg(o.facet_key), array_agg(n.facet_key)
    INTO ids, old_keys, new_keys
    FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
    WHERE n.facet_key IS DISTINCT FROM o.facet_key;

    IF ids IS NOT NULL THEN
        PERFORM facet_bitmaps_change(ids || ids, old_keys || new_keys, false);
        PERFORM facet_bitmaps_change(ids, new_keys, true);
    END IF;
    RETURN NULL;
END;
$$;
--bun:split
CREATE TRIGGER facet_bitmaps_insert AFTER INSERT ON organizations
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION facet_bitmaps_insert();
--bun:split
CREATE TRIGGER facet_bitmaps_delete AFTER DELETE ON organizations
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION facet_bitmaps_delete();
--bun:split
CREATE TRIGGER facet_bitmaps_update AFTER UPDATE ON organizations
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION facet_bitmaps_update();
--bun:split
INSERT INTO facet_bitmaps (token, chunk, bits)
SELECT t.token, (o.id >> 13)::integer,
    facet_bitmap(array_agg((o.id & 8191)::integer))
FROM organizations AS o,
    unnest(string_to_array(o.facet_key, ' ')) AS t (token)
WHERE t.token <> ''
GROUP BY 1, 2;
