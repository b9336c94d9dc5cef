DROP TABLE settings;
--bun:split
DROP TABLE organization_tokens;
--bun:split
DROP TABLE organization_facets;
--bun:split
DROP TABLE services;
--bun:split
DROP TABLE offices;
--bun:split
DROP TABLE organizations;
