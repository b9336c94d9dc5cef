package cso

import (
	"context"
	"errors"
	"fmt"
)

// importMatch is the stored organization a row of a file matched.
type importMatch struct {
	// id is the organization's, or 0 when the row matched none.
	id int64

	// stored is the organization as the transaction found it.
	stored *Organization

	// column is the key it matched by: registry_id or slug.
	column string
}

// match finds the stored organization a row stands for: by registry
// identifier first, then by slug, as the database will hold them once
// the updates planned for the earlier rows run. Those can only free
// registry identifiers for later rows, not give them ones, as the
// registry identifiers of a file are unique.
func (imp *importer) match(ctx context.Context, row csvRow) (importMatch, error) {
	if id := row.org.RegistryID; id != "" && !imp.freed[id] {
		stored, ok, err := imp.keys.byRegistryID(ctx, id)
		if err != nil || ok {
			return found(stored, "registry_id", err)
		}
	}

	if row.slug == "" {
		return importMatch{}, nil
	}
	stored, ok, err := imp.keys.bySlug(ctx, row.slug)
	if err != nil || ok {
		return found(stored, "slug", err)
	}
	return importMatch{}, nil
}

// found returns the match of stored by the column, or err.
func found(stored *Organization, column string, err error) (importMatch, error) {
	if err != nil {
		return importMatch{}, fmt.Errorf("cso: import: %w", err)
	}
	return importMatch{id: stored.ID, stored: stored, column: column}, nil
}

// refusal says why a row may not update the organization it matched, and
// under which column, or returns an empty reason when it may.
func (imp *importer) refusal(row csvRow, m importMatch) (column, reason string) {
	if first, ok := imp.matched[m.id]; ok {
		return m.column, fmt.Sprintf(
			"matches the same organization as line %d (%s): "+
				"a file may change an organization only once",
			first.line, first.slug)
	}

	if m.column == "registry_id" && !row.derived && row.slug != m.stored.Slug {
		return "registry_id", fmt.Sprintf(
			"belongs to the organization %q, not %q: a slug never changes, "+
				"so give slug %s to update that organization, or correct the registry_id",
			m.stored.Slug, row.slug, m.stored.Slug)
	}

	if m.column == "slug" && row.derived &&
		Fold(m.stored.Name["tr"]) != Fold(row.org.Name["tr"]) {
		return "slug", fmt.Sprintf(
			"%q, derived from %s, is taken by another organization, %q: "+
				"give a slug explicitly, a new one or %s if the row is "+
				"meant to update that organization",
			row.slug, derivedFrom(row.org), m.stored.Name["tr"], row.slug)
	}
	return "", ""
}

// derivedFrom names the column DeriveSlug takes o's slug from.
func derivedFrom(o *Organization) string {
	if Slugify(o.ShortName) != "" {
		return "short_name"
	}
	return "name_tr"
}

// keyLookup finds the stored organization holding a key, and reports
// whether there is one.
type keyLookup interface {
	byRegistryID(ctx context.Context, id string) (*Organization, bool, error)
	bySlug(ctx context.Context, slug string) (*Organization, bool, error)
}

// storeKeys asks a Store for each key on its own.
type storeKeys struct{ tx Store }

func (s storeKeys) byRegistryID(ctx context.Context, id string) (*Organization, bool, error) {
	return orNotFound(s.tx.OrganizationByRegistryID(ctx, id))
}

func (s storeKeys) bySlug(ctx context.Context, slug string) (*Organization, bool, error) {
	return orNotFound(s.tx.Organization(ctx, slug))
}

// orNotFound turns ErrNotFound into false.
func orNotFound(o *Organization, err error) (*Organization, bool, error) {
	if errors.Is(err, ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return o, true, nil
}

// importIndex holds the stored organizations that a chunk of rows may
// match, found by one question to a KeyFinder, and answers as storeKeys
// would by asking the database key by key. Nothing is written while rows
// are matched, so it stays true for the chunk.
type importIndex struct {
	slugs       map[string]*Organization
	registryIDs map[string]*Organization
}

// loadImportIndex asks kf for the organizations that rows may match.
func loadImportIndex(ctx context.Context, kf KeyFinder, rows []csvRow) (*importIndex, error) {
	slugs := make([]string, 0, len(rows))
	var registryIDs []string
	for _, row := range rows {
		if row.slug != "" {
			slugs = append(slugs, row.slug)
		}
		if row.org.RegistryID != "" {
			registryIDs = append(registryIDs, row.org.RegistryID)
		}
	}

	orgs, err := kf.OrganizationsByKeys(ctx, slugs, registryIDs)
	if err != nil {
		return nil, fmt.Errorf("cso: import: %w", err)
	}

	x := &importIndex{
		slugs:       make(map[string]*Organization, len(orgs)),
		registryIDs: make(map[string]*Organization, len(orgs)),
	}
	for _, o := range orgs {
		x.slugs[o.Slug] = o
		if o.RegistryID != "" {
			x.registryIDs[o.RegistryID] = o
		}
	}
	return x, nil
}

func (x *importIndex) byRegistryID(_ context.Context, id string) (*Organization, bool, error) {
	o, ok := x.registryIDs[id]
	return o, ok, nil
}

func (x *importIndex) bySlug(_ context.Context, slug string) (*Organization, bool, error) {
	o, ok := x.slugs[slug]
	return o, ok, nil
}
