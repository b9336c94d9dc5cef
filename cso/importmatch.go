package cso

import (
	"context"
	"errors"
	"fmt"
)

// importMatch finds the stored organization a row stands for: by registry
// identifier first, then by slug, and reports whether there is one.
func importMatch(ctx context.Context, tx Store, o *Organization, slug string) (*Organization, bool, error) {
	if o.RegistryID != "" {
		stored, err := tx.OrganizationByRegistryID(ctx, o.RegistryID)
		if err == nil {
			return stored, true, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, false, fmt.Errorf("cso: import: %w", err)
		}
	}

	stored, err := tx.Organization(ctx, slug)
	if errors.Is(err, ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("cso: import: %w", err)
	}
	return stored, true, nil
}

// importIndex holds the stored organizations that a chunk of rows may
// match, found by one question to a KeyFinder, and answers as
// importMatch would by asking the database row by row.
type importIndex struct {
	bySlug       map[string]int64
	byRegistryID map[string]int64

	// orgs are the organizations as the KeyFinder returned them; one
	// that a row updated since is missing, and is read again.
	orgs map[int64]*Organization
}

// loadImportIndex asks kf for the organizations that rows may match;
// slugs[i] is the slug rows[i] is matched by.
func loadImportIndex(ctx context.Context, kf KeyFinder, rows []*Organization, slugs []string) (*importIndex, error) {
	var registryIDs []string
	for _, o := range rows {
		if o.RegistryID != "" {
			registryIDs = append(registryIDs, o.RegistryID)
		}
	}

	found, err := kf.OrganizationsByKeys(ctx, slugs, registryIDs)
	if err != nil {
		return nil, fmt.Errorf("cso: import: %w", err)
	}

	x := &importIndex{
		bySlug:       make(map[string]int64, len(found)),
		byRegistryID: make(map[string]int64, len(found)),
		orgs:         make(map[int64]*Organization, len(found)),
	}
	for _, o := range found {
		x.bySlug[o.Slug] = o.ID
		if o.RegistryID != "" {
			x.byRegistryID[o.RegistryID] = o.ID
		}
		x.orgs[o.ID] = o
	}
	return x, nil
}

// match finds the stored organization a row stands for: by registry
// identifier first, then by slug, and reports whether there is one.
func (x *importIndex) match(ctx context.Context, tx Store, o *Organization, slug string) (*Organization, bool, error) {
	id, ok := x.byRegistryID[o.RegistryID]
	if !ok || o.RegistryID == "" {
		id, ok = x.bySlug[slug]
	}
	if !ok {
		return nil, false, nil
	}

	if stored, ok := x.orgs[id]; ok {
		return stored, true, nil
	}
	stored, err := tx.OrganizationByID(ctx, id)
	if err != nil {
		return nil, false, fmt.Errorf("cso: import: %w", err)
	}
	return stored, true, nil
}

// updated records that a row replaced stored by u, so that later rows
// match u's registry identifier rather than stored's, as they would in
// the database, and read the organization again.
func (x *importIndex) updated(stored, u *Organization) {
	delete(x.orgs, stored.ID)
	if stored.RegistryID == u.RegistryID {
		return
	}

	if x.byRegistryID[stored.RegistryID] == stored.ID {
		delete(x.byRegistryID, stored.RegistryID)
	}
	if u.RegistryID != "" {
		x.byRegistryID[u.RegistryID] = u.ID
	}
}
