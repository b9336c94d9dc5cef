CREATE TABLE organizations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    slug             TEXT NOT NULL UNIQUE,
    registry_id      TEXT UNIQUE,
    kind             TEXT NOT NULL,
    status           TEXT NOT NULL,
    short_name       TEXT NOT NULL DEFAULT '',
    names            TEXT NOT NULL,
    descriptions     TEXT NOT NULL,
    website          TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    phones           TEXT NOT NULL,
    social_links     TEXT NOT NULL,
    last_verified_at TIMESTAMP,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    version          INTEGER NOT NULL,
    sort_key         BLOB NOT NULL,
    name_key         TEXT NOT NULL,
    rest_key         TEXT NOT NULL
);
--bun:split
CREATE INDEX organizations_sort_idx ON organizations (sort_key, id);
--bun:split
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
CREATE TABLE organization_tokens (
    hash            TEXT NOT NULL PRIMARY KEY,
    organization_id INTEGER NOT NULL
        REFERENCES organizations (id) ON DELETE CASCADE,
    label           TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL
);
--bun:split
CREATE INDEX organization_tokens_organization_idx
    ON organization_tokens (organization_id);
--bun:split
CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
