CREATE TABLE offices (
    organization_id INTEGER NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    names           TEXT NOT NULL,
    address         TEXT NOT NULL,
    district        TEXT NOT NULL DEFAULT '',
    province        INTEGER NOT NULL,
    postal_code     TEXT NOT NULL DEFAULT '',
    lat             REAL,
    lon             REAL,
    confidential    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, position)
);
--bun:split
CREATE TABLE services (
    organization_id    INTEGER NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    names              TEXT NOT NULL,
    descriptions       TEXT NOT NULL,
    areas              TEXT NOT NULL,
    target_groups      TEXT NOT NULL,
    languages          TEXT NOT NULL,
    provinces          TEXT NOT NULL,
    eligibility        TEXT NOT NULL,
    required_documents TEXT NOT NULL,
    PRIMARY KEY (organization_id, position)
);
--bun:split
CREATE TABLE organization_facets (
    facet           TEXT NOT NULL,
    value           TEXT NOT NULL,
    organization_id INTEGER NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    PRIMARY KEY (facet, value, organization_id)
) WITHOUT ROWID;
--bun:split
CREATE INDEX organization_facets_organization_idx
    ON organization_facets (organization_id);
--bun:split
INSERT INTO offices
    (organization_id, position, names, address, district, province,
     postal_code, lat, lon, confidential)
SELECT d.organization_id, f.value ->> 'position', coalesce(f.value ->> 'name', '{}'),
    f.value ->> 'address', coalesce(f.value ->> 'district', ''), f.value ->> 'province',
    coalesce(f.value ->> 'postal_code', ''), f.value ->> 'lat', f.value ->> 'lon', 0
FROM organization_details AS d, json_each(d.offices) AS f
UNION ALL
SELECT d.organization_id, f.value ->> 'position', coalesce(f.value ->> 'name', '{}'),
    f.value ->> 'address', coalesce(f.value ->> 'district', ''), f.value ->> 'province',
    coalesce(f.value ->> 'postal_code', ''), f.value ->> 'lat', f.value ->> 'lon', 1
FROM organization_details AS d, json_each(d.confidential_offices) AS f;
--bun:split
INSERT INTO services
    (organization_id, position, names, descriptions, areas, target_groups,
     languages, provinces, eligibility, required_documents)
SELECT d.organization_id, s.key, coalesce(s.value ->> 'name', '{}'),
    coalesce(s.value ->> 'description', '{}'), coalesce(s.value ->> 'areas', '[]'),
    coalesce(s.value ->> 'target_groups', '[]'), coalesce(s.value ->> 'languages', '[]'),
    coalesce(s.value ->> 'provinces', '[]'), coalesce(s.value ->> 'eligibility', '{}'),
    coalesce(s.value ->> 'required_documents', '{}')
FROM organization_details AS d, json_each(d.services) AS s;
--bun:split
-- The facet rows are the facet tokens of the search key but the status
-- and those saying a service in a base language serves every region,
-- which later keys hold. (The base languages that later keys add for
-- regional tags stay, as languages of the organization.)
INSERT INTO organization_facets (facet, value, organization_id)
SELECT DISTINCT
    substr(t.value, 2, instr(t.value, '=') - 2),
    substr(t.value, instr(t.value, '=') + 1),
    o.id
FROM organizations AS o,
    json_each('["' || replace(o.facet_key, ' ', '","') || '"]') AS t
WHERE t.value LIKE '#%=%' AND t.value NOT LIKE '#status=%'
    AND t.value NOT LIKE '#language\_any\_region=%' ESCAPE '\';
--bun:split
DROP TABLE organization_details;
