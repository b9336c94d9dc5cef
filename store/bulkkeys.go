package store

import (
	"context"
	"fmt"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

var _ cso.KeyFinder = (*organizationStore)(nil)

// keyBatch is how many keys one lookup asks for, and how many
// organizations one query reads the offices or services of.
const keyBatch = 500

// batchKeys returns the slugs and the registry identifiers of orgs.
func batchKeys(orgs []*cso.Organization) (slugs, registryIDs []string) {
	for _, o := range orgs {
		slugs = append(slugs, o.Slug)
		if o.RegistryID != "" {
			registryIDs = append(registryIDs, o.RegistryID)
		}
	}
	return slugs, registryIDs
}

// duplicateInBatch names the first slug or registry identifier that two
// of orgs share.
func duplicateInBatch(orgs []*cso.Organization) error {
	slugs := make(map[string]bool, len(orgs))
	registryIDs := make(map[string]bool, len(orgs))
	for _, o := range orgs {
		if slugs[o.Slug] {
			return &cso.DuplicateError{Field: "slug", Value: o.Slug}
		}
		slugs[o.Slug] = true

		if o.RegistryID == "" {
			continue
		}
		if registryIDs[o.RegistryID] {
			return &cso.DuplicateError{Field: "registry_id", Value: o.RegistryID}
		}
		registryIDs[o.RegistryID] = true
	}
	return nil
}

// takenKey names the first slug or registry identifier of orgs that one
// of the stored rows holds.
func takenKey(orgs []*cso.Organization, stored []*organizationRow) error {
	if len(stored) == 0 {
		return nil
	}

	slugs := make(map[string]bool, len(stored))
	registryIDs := make(map[string]bool, len(stored))
	for _, row := range stored {
		slugs[row.Slug] = true
		registryIDs[row.RegistryID] = true
	}

	for _, o := range orgs {
		if slugs[o.Slug] {
			return &cso.DuplicateError{Field: "slug", Value: o.Slug}
		}
		if o.RegistryID != "" && registryIDs[o.RegistryID] {
			return &cso.DuplicateError{Field: "registry_id", Value: o.RegistryID}
		}
	}
	return nil
}

// OrganizationsByKeys implements cso.KeyFinder. It asks for a batch of
// keys at a time and reads the offices and services of each batch of
// organizations found with one query each.
func (s *organizationStore) OrganizationsByKeys(ctx context.Context, slugs, registryIDs []string) ([]*cso.Organization, error) {
	var orgs []*cso.Organization
	err := s.read(ctx, func(ctx context.Context, idb bun.IDB) error {
		rows, err := rowsByKeys(ctx, idb, slugs, registryIDs)
		if err != nil {
			return err
		}

		for start := 0; start < len(rows); start += keyBatch {
			batch, err := loadDetails(ctx, idb,
				rows[start:min(start+keyBatch, len(rows))], true)
			if err != nil {
				return err
			}
			orgs = append(orgs, batch...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: organizations by keys: %w", markUnavailable(err))
	}
	return orgs, nil
}

// rowsByKeys returns the rows of the organizations holding one of the
// slugs or registry identifiers, each once; with columns named, only
// those columns.
func rowsByKeys(ctx context.Context, idb bun.IDB, slugs, registryIDs []string, columns ...string) ([]*organizationRow, error) {
	seen := map[int64]bool{}
	var found []*organizationRow
	find := func(column string, values []string) error {
		for start := 0; start < len(values); start += keyBatch {
			end := min(start+keyBatch, len(values))

			var rows []*organizationRow
			err := idb.NewSelect().Model(&rows).Column(columns...).
				Where("? IN (?)", bun.Ident(column), bun.List(values[start:end])).
				Scan(ctx)
			if err != nil {
				return err
			}

			for _, row := range rows {
				if !seen[row.ID] {
					seen[row.ID] = true
					found = append(found, row)
				}
			}
		}
		return nil
	}

	if err := find("slug", slugs); err != nil {
		return nil, err
	}
	if err := find("registry_id", registryIDs); err != nil {
		return nil, err
	}
	return found, nil
}
