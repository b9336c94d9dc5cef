CREATE TABLE offices (
    organization_id bigint NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    names           jsonb NOT NULL,
    address         text NOT NULL,
    district        text NOT NULL DEFAULT '',
    province        integer NOT NULL,
    postal_code     text NOT NULL DEFAULT '',
    lat             double precision,
    lon             double precision,
    confidential    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (organization_id, position)
);
--bun:split
CREATE TABLE services (
    organization_id    bigint NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    position           integer NOT NULL,
    names              jsonb NOT NULL,
    descriptions       jsonb NOT NULL,
    areas              jsonb NOT NULL,
    target_groups      jsonb NOT NULL,
    languages          jsonb NOT NULL,
    provinces          jsonb NOT NULL,
    eligibility        jsonb NOT NULL,
    required_documents jsonb NOT NULL,
    PRIMARY KEY (organization_id, position)
);
--bun:split
CREATE TABLE organization_facets (
    facet           text NOT NULL,
    value           text NOT NULL,
    organization_id bigint NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    PRIMARY KEY (facet, value, organization_id)
);
--bun:split
CREATE INDEX organization_facets_organization_idx
    ON organization_facets (organization_id);
--bun:split
CREATE STATISTICS organization_facets_value_stats (mcv)
    ON facet, value FROM organization_facets;
--bun:split
INSERT INTO offices
    (organization_id, position, names, address, district, province,
     postal_code, lat, lon, confidential)
SELECT d.organization_id, (f.value ->> 'position')::integer,
    coalesce(f.value -> 'name', '{}'), f.value ->> 'address',
    coalesce(f.value ->> 'district', ''), (f.value ->> 'province')::integer,
    coalesce(f.value ->> 'postal_code', ''),
    (f.value ->> 'lat')::double precision,
    (f.value ->> 'lon')::double precision, f.confidential
FROM organization_details AS d,
    LATERAL (SELECT value, false AS confidential
             FROM jsonb_array_elements(d.offices)
             UNION ALL
             SELECT value, true
             FROM jsonb_array_elements(d.confidential_offices)) AS f;
--bun:split
INSERT INTO services
    (organization_id, position, names, descriptions, areas, target_groups,
     languages, provinces, eligibility, required_documents)
SELECT d.organization_id, s.position - 1,
    coalesce(s.value -> 'name', '{}'),
    coalesce(s.value -> 'description', '{}'),
    coalesce(s.value -> 'areas', '[]'),
    coalesce(s.value -> 'target_groups', '[]'),
    coalesce(s.value -> 'languages', '[]'),
    coalesce(s.value -> 'provinces', '[]'),
    coalesce(s.value -> 'eligibility', '{}'),
    coalesce(s.value -> 'required_documents', '{}')
FROM organization_details AS d,
    jsonb_array_elements(d.services) WITH ORDINALITY AS s (value, position);
--bun:split
-- The facet rows are the facet tokens of the search key but the status
-- and those saying a service in a base language serves every region,
-- which later keys hold. (The base languages that later keys add for
-- regional tags stay, as languages of the organization.)
INSERT INTO organization_facets (facet, value, organization_id)
SELECT DISTINCT
    split_part(substr(t.token, 2), '=', 1),
    substr(t.token, strpos(t.token, '=') + 1),
    o.id
FROM organizations AS o,
    unnest(string_to_array(o.facet_key, ' ')) AS t (token)
WHERE t.token LIKE '#%=%' AND t.token NOT LIKE '#status=%'
    AND t.token NOT LIKE '#language\_any\_region=%' ESCAPE '\';
--bun:split
DROP TABLE organization_details;
