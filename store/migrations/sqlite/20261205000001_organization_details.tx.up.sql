-- Offices and services are parts of their organization: they are written
-- only with it and read only with it. Each organization's are kept as
-- JSON arrays in one row of organization_details, so that writing an
-- organization writes two rows, not one per office, service and facet,
-- and a page of search results reads one row per organization. The
-- public offices and the confidential ones are in columns of their own,
-- so that a public read never fetches a confidential office. Filters
-- match the facet tokens of the search index, so organization_facets
-- goes.
CREATE TABLE organization_details (
    organization_id      INTEGER PRIMARY KEY
        REFERENCES organizations (id) ON DELETE CASCADE,
    offices              TEXT NOT NULL,
    confidential_offices TEXT NOT NULL,
    services             TEXT NOT NULL
);
--bun:split
INSERT INTO organization_details
    (organization_id, offices, confidential_offices, services)
SELECT o.id,
    (SELECT json_group_array(json_object(
        'position', f.position, 'name', json(f.names),
        'address', f.address, 'district', f.district,
        'province', f.province, 'postal_code', f.postal_code,
        'lat', f.lat, 'lon', f.lon))
     FROM (SELECT * FROM offices WHERE organization_id = o.id
           AND NOT confidential ORDER BY position) AS f),
    (SELECT json_group_array(json_object(
        'position', f.position, 'name', json(f.names),
        'address', f.address, 'district', f.district,
        'province', f.province, 'postal_code', f.postal_code,
        'lat', f.lat, 'lon', f.lon))
     FROM (SELECT * FROM offices WHERE organization_id = o.id
           AND confidential ORDER BY position) AS f),
    (SELECT json_group_array(json_object(
        'name', json(s.names), 'description', json(s.descriptions),
        'areas', json(s.areas), 'target_groups', json(s.target_groups),
        'languages', json(s.languages), 'provinces', json(s.provinces),
        'eligibility', json(s.eligibility),
        'required_documents', json(s.required_documents)))
     FROM (SELECT * FROM services WHERE organization_id = o.id
           ORDER BY position) AS s)
FROM organizations AS o;
--bun:split
DROP TABLE organization_facets;
--bun:split
DROP TABLE services;
--bun:split
DROP TABLE offices;
