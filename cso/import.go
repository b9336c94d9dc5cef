package cso

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// ImportReport counts what an import did.
type ImportReport struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Import reads organizations in the CSV format of ReadCSV and saves them
// in one transaction: a file with any bad row imports nothing and returns
// an *ImportError listing every bad row. A row updates the organization
// with the same registry identifier, or else the same slug, so importing
// the same file twice changes nothing the second time. Imports never move
// verification dates. Only an administrator may import.
func (d *Directory) Import(ctx context.Context, actor Actor, r io.Reader) (*ImportReport, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}

	orgs, err := ReadCSV(r)
	if err != nil {
		return nil, err
	}

	var report ImportReport
	err = d.store.Atomically(ctx, func(ctx context.Context, tx Store) error {
		report = ImportReport{}
		for _, o := range orgs {
			if err := importOne(ctx, tx, o, &report); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &report, nil
}

// importOne creates o or updates the organization it matches.
func importOne(ctx context.Context, tx Store, o *Organization, report *ImportReport) error {
	stored, found, err := importMatch(ctx, tx, o)
	if err != nil {
		return err
	}

	if !found {
		n, err := prepareNew(o)
		if err != nil {
			return err
		}
		if err := tx.CreateOrganization(ctx, n); err != nil {
			return fmt.Errorf("cso: import %q: %w", n.Slug, err)
		}
		report.Created++
		return nil
	}

	n := *o
	n.Slug, n.Version = "", stored.Version
	u, err := prepareUpdate(stored, &n)
	if err != nil {
		return err
	}

	if sameContent(stored, u) {
		report.Unchanged++
		return nil
	}
	if err := tx.UpdateOrganization(ctx, u); err != nil {
		return fmt.Errorf("cso: import %q: %w", u.Slug, err)
	}
	report.Updated++
	return nil
}

// importMatch finds the stored organization a row stands for: by registry
// identifier first, then by slug, and reports whether there is one.
func importMatch(ctx context.Context, tx Store, o *Organization) (*Organization, bool, error) {
	if o.RegistryID != "" {
		stored, err := tx.OrganizationByRegistryID(ctx, o.RegistryID)
		if err == nil {
			return stored, true, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, false, fmt.Errorf("cso: import: %w", err)
		}
	}

	slug := o.Slug
	if slug == "" {
		slug = DeriveSlug(o)
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
