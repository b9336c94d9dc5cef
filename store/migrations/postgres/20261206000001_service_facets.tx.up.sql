-- A search that filters by a service area, a target group or a language
-- together with another filter needs one service that satisfies them
-- all, which the facet tokens of an organization, the union of those of
-- its services and offices, cannot tell. service_facets holds the facet
-- tokens of each service apart, one row per service. The store writes
-- the rows with the organization, in the same transaction; they go with
-- it. The search keys rebuild of version 6, which runs on opening after
-- this migration, fills the table for the organizations already stored.
CREATE TABLE service_facets (
    organization_id bigint NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    facet_key       text NOT NULL,
    PRIMARY KEY (organization_id, position)
);
--bun:split
-- service_bitmaps holds, as facet_bitmaps does for organizations, one bit
-- per organization ID for each facet token and each position of a
-- service: bit (id & 8191) of chunk (id >> 13) of (token, position) is
-- set when the service at that position of the organization has the
-- token. ANDing the bits of the filters at each position, then ORing
-- the positions, gives the organizations with one service that meets
-- them all, without reading a row of services. Statement triggers keep
-- the bits in step with service_facets, in the same transaction.
CREATE TABLE service_bitmaps (
    token    text NOT NULL,
    position integer NOT NULL,
    chunk    integer NOT NULL,
    bits     bit(8192) NOT NULL,
    PRIMARY KEY (token, position, chunk)
);
--bun:split
-- service_bitmaps_change sets (or, when present is false, clears) the
-- bits of the services of the organizations with the IDs at the
-- positions, for each token of their facet keys. Rows are locked in the
-- order of their keys first, so that two writers wait for each other
-- instead of locking the same rows in turns.
CREATE FUNCTION service_bitmaps_change(ids bigint[], positions integer[],
    keys text[], present boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1
    FROM service_bitmaps AS f
    WHERE (f.token, f.position, f.chunk) IN (
        SELECT t.token, c.position, (c.id >> 13)::integer
        FROM unnest(ids, positions, keys) AS c (id, position, facet_key),
            unnest(string_to_array(c.facet_key, ' ')) AS t (token))
    ORDER BY f.token, f.position, f.chunk
    FOR UPDATE;

    IF present THEN
        INSERT INTO service_bitmaps AS f (token, position, chunk, bits)
        SELECT t.token, c.position, (c.id >> 13)::integer,
            facet_bitmap(array_agg((c.id & 8191)::integer))
        FROM unnest(ids, positions, keys) AS c (id, position, facet_key),
            unnest(string_to_array(c.facet_key, ' ')) AS t (token)
        WHERE t.token <> ''
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        ON CONFLICT (token, position, chunk)
        DO UPDATE SET bits = f.bits | excluded.bits;
    ELSE
        UPDATE service_bitmaps AS f SET bits = f.bits & ~gone.bits
        FROM (
            SELECT t.token, c.position, (c.id >> 13)::integer AS chunk,
                facet_bitmap(array_agg((c.id & 8191)::integer)) AS bits
            FROM unnest(ids, positions, keys) AS c (id, position, facet_key),
                unnest(string_to_array(c.facet_key, ' ')) AS t (token)
            WHERE t.token <> ''
            GROUP BY 1, 2, 3
        ) AS gone
        WHERE f.token = gone.token AND f.position = gone.position
            AND f.chunk = gone.chunk;
    END IF;
END;
$$;
--bun:split
CREATE FUNCTION service_bitmaps_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM service_bitmaps_change(array_agg(organization_id),
        array_agg(position), array_agg(facet_key), true)
    FROM new_rows;
    RETURN NULL;
END;
$$;
--bun:split
CREATE FUNCTION service_bitmaps_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM service_bitmaps_change(array_agg(organization_id),
        array_agg(position), array_agg(facet_key), false)
    FROM old_rows;
    RETURN NULL;
END;
$$;
--bun:split
-- An update clears the bits of the old rows, then sets those of the new.
CREATE FUNCTION service_bitmaps_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM service_bitmaps_change(array_agg(organization_id),
        array_agg(position), array_agg(facet_key), false)
    FROM old_rows;
    PERFORM service_bitmaps_change(array_agg(organization_id),
        array_agg(position), array_agg(facet_key), true)
    FROM new_rows;
    RETURN NULL;
END;
$$;
--bun:split
CREATE TRIGGER service_bitmaps_insert AFTER INSERT ON service_facets
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION service_bitmaps_insert();
--bun:split
CREATE TRIGGER service_bitmaps_delete AFTER DELETE ON service_facets
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION service_bitmaps_delete();
--bun:split
CREATE TRIGGER service_bitmaps_update AFTER UPDATE ON service_facets
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION service_bitmaps_update();
