-- A search that filters by a service area, a target group or a language
-- together with another filter needs one service that satisfies them
-- all, which the facet tokens of an organization, the union of those of
-- its services and offices, cannot tell. service_search holds the facet
-- tokens of each service apart, one row per service: its rowid is the
-- organization's ID times 256 plus the service's position (an
-- organization has at most 200 services). The index keeps no content
-- and no positions, only which rows hold a token. The store writes the
-- rows with the organization, in the same transaction; the search keys
-- rebuild of version 6, which runs on opening after this migration,
-- fills it for the organizations already stored.
CREATE VIRTUAL TABLE service_search USING fts5 (
    facet_key,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0 tokenchars ''#=_-'' categories ''L* N* Co Mc''',
    detail = none
);
--bun:split
CREATE TRIGGER service_search_delete AFTER DELETE ON organizations
BEGIN
    DELETE FROM service_search
    WHERE rowid BETWEEN old.id * 256 AND old.id * 256 + 255;
END;
