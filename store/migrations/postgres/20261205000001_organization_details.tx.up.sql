-- Offices and services are parts of their organization: they are written
-- only with it and read only with it. Each organization's are kept as
-- JSON arrays in one row of organization_details, so that writing an
-- organization writes two rows, not one per office, service and facet,
-- and a page of search results reads one row per organization. The rows
-- of organizations, which a search reads for every match, stay narrow.
-- The public offices and the confidential ones are in columns of their
-- own, so that a public read never fetches a confidential office.
-- Filters match the facet tokens of the search index, so
-- organization_facets goes (and its statistics with it).
CREATE TABLE organization_details (
    organization_id      bigint PRIMARY KEY
        REFERENCES organizations (id) ON DELETE CASCADE,
    offices              jsonb NOT NULL,
    confidential_offices jsonb NOT NULL,
    services             jsonb NOT NULL
);
--bun:split
INSERT INTO organization_details
    (organization_id, offices, confidential_offices, services)
SELECT o.id,
    coalesce((SELECT jsonb_agg(jsonb_build_object(
        'position', f.position, 'name', f.names,
        'address', f.address, 'district', f.district,
        'province', f.province, 'postal_code', f.postal_code,
        'lat', f.lat, 'lon', f.lon) ORDER BY f.position)
     FROM offices AS f
     WHERE f.organization_id = o.id AND NOT f.confidential), '[]'),
    coalesce((SELECT jsonb_agg(jsonb_build_object(
        'position', f.position, 'name', f.names,
        'address', f.address, 'district', f.district,
        'province', f.province, 'postal_code', f.postal_code,
        'lat', f.lat, 'lon', f.lon) ORDER BY f.position)
     FROM offices AS f
     WHERE f.organization_id = o.id AND f.confidential), '[]'),
    coalesce((SELECT jsonb_agg(jsonb_build_object(
        'name', s.names, 'description', s.descriptions,
        'areas', s.areas, 'target_groups', s.target_groups,
        'languages', s.languages, 'provinces', s.provinces,
        'eligibility', s.eligibility,
        'required_documents', s.required_documents) ORDER BY s.position)
     FROM services AS s
     WHERE s.organization_id = o.id), '[]')
FROM organizations AS o;
--bun:split
DROP TABLE organization_facets;
--bun:split
DROP TABLE services;
--bun:split
DROP TABLE offices;
