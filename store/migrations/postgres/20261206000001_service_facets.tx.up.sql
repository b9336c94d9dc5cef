-- A search that filters by a service area, a target group or a language
-- together with another filter needs one service that satisfies them
-- all, which the facet tokens of an organization, the union of those of
-- its services and offices, cannot tell. service_facets holds the facet
-- tokens of each service apart, one row per service, with a GIN index on
-- the same kind of vector as that of organizations. The store writes the
-- rows with the organization, in the same transaction; they go with it.
-- The search keys rebuild of version 6, which runs on opening after this
-- migration, fills the table for the organizations already stored.
CREATE TABLE service_facets (
    organization_id bigint NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    facet_key       text NOT NULL,
    PRIMARY KEY (organization_id, position)
);
--bun:split
CREATE INDEX service_facets_search_idx ON service_facets USING gin ((
    array_to_tsvector(array_remove(string_to_array(facet_key, ' '), ''))
));
