package cso

import (
	"context"
	"fmt"
	"io"
	"time"
)

// ImportReport counts what an import did.
type ImportReport struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// matchBatch is how many rows Import matches with one question to a
// KeyFinder.
const matchBatch = 500

// importBatch is how many new organizations Import hands to a
// BulkCreator at once: many, so that the store can spread the work over
// batches of its own choosing, and a bounded number, so that a caller's
// memory need not hold all of a file's rows twice.
const importBatch = 10_000

// Import reads organizations in the CSV format of ReadCSV and saves them
// in one transaction: a file with any bad row imports nothing and returns
// an *ImportError listing every bad row. A row updates the organization
// with the same registry identifier, or else the same slug, so importing
// the same file twice changes nothing the second time. Imports never move
// verification dates. Only an administrator may import.
//
// A Store that is also a KeyFinder is asked at once which rows match
// stored organizations, and one that is also a BulkCreator creates the
// new ones in batches; the result is the same as with any other Store.
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
		imp := &importer{tx: tx}
		if err := imp.run(ctx, orgs); err != nil {
			return err
		}
		report = imp.report
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &report, nil
}

// importer saves the rows of one file inside one transaction.
type importer struct {
	tx     Store
	report ImportReport

	// finder and index find the stored organizations that rows match, a
	// chunk of rows at a time; finder is nil when tx is no KeyFinder and
	// each row is looked up on its own.
	finder KeyFinder
	index  *importIndex

	// pending are new organizations not yet created.
	pending []*Organization
}

// run saves orgs in their order.
func (imp *importer) run(ctx context.Context, orgs []*Organization) error {
	imp.finder, _ = imp.tx.(KeyFinder)

	for start := 0; start < len(orgs); start += matchBatch {
		chunk := orgs[start:min(start+matchBatch, len(orgs))]
		if imp.finder != nil {
			index, err := loadImportIndex(ctx, imp.finder, chunk)
			if err != nil {
				return err
			}
			imp.index = index
		}

		for _, o := range chunk {
			if err := imp.row(ctx, o); err != nil {
				return err
			}
		}
	}
	return imp.flush(ctx)
}

// row creates o or updates the organization it matches.
func (imp *importer) row(ctx context.Context, o *Organization) error {
	stored, found, err := imp.match(ctx, o)
	if err != nil {
		return err
	}

	if !found {
		n, err := prepareImported(o)
		if err != nil {
			return err
		}
		return imp.create(ctx, n)
	}

	n := *o
	n.Slug, n.Version = "", stored.Version
	u, err := prepareUpdate(stored, &n)
	if err != nil {
		return err
	}

	if sameContent(stored, u) {
		imp.report.Unchanged++
		return nil
	}
	if err := imp.tx.UpdateOrganization(ctx, u); err != nil {
		return fmt.Errorf("cso: import %q: %w", u.Slug, err)
	}
	if imp.index != nil {
		imp.index.updated(stored, u)
	}
	imp.report.Updated++
	return nil
}

// match finds the stored organization a row stands for.
func (imp *importer) match(ctx context.Context, o *Organization) (*Organization, bool, error) {
	if imp.index == nil {
		return importMatch(ctx, imp.tx, o)
	}
	return imp.index.match(ctx, imp.tx, o)
}

// create creates n, or keeps it for the next batch when tx is a
// BulkCreator. Deferring is safe because the slugs and registry
// identifiers of a file are unique (ReadCSV checks it), so no later row
// can match n or take its keys.
func (imp *importer) create(ctx context.Context, n *Organization) error {
	if _, ok := imp.tx.(BulkCreator); !ok {
		if err := imp.tx.CreateOrganization(ctx, n); err != nil {
			return fmt.Errorf("cso: import %q: %w", n.Slug, err)
		}
		imp.report.Created++
		return nil
	}

	imp.pending = append(imp.pending, n)
	if len(imp.pending) < importBatch {
		return nil
	}
	return imp.flush(ctx)
}

// flush creates the pending organizations.
func (imp *importer) flush(ctx context.Context) error {
	if len(imp.pending) == 0 {
		return nil
	}

	bc := imp.tx.(BulkCreator)
	if err := bc.CreateOrganizations(ctx, imp.pending); err != nil {
		return fmt.Errorf("cso: import: %w", err)
	}
	imp.report.Created += len(imp.pending)
	imp.pending = imp.pending[:0]
	return nil
}

// prepareImported does what prepareNew does for a row of a file, which
// ReadCSV has normalized and validated already: it only clears what the
// store manages and derives a missing slug. A row without a usable slug
// goes through prepareNew, which says why.
func prepareImported(o *Organization) (*Organization, error) {
	n := *o
	n.ID, n.Version, n.LastVerified = 0, 0, nil
	n.CreatedAt, n.UpdatedAt = time.Time{}, time.Time{}
	if n.Slug == "" {
		n.Slug = DeriveSlug(&n)
	}

	if !validSlug(n.Slug) {
		return prepareNew(o)
	}
	return &n, nil
}

// importSlug returns the slug a row is matched by: the one it gives, or
// else the one it would be created with.
func importSlug(o *Organization) string {
	if o.Slug != "" {
		return o.Slug
	}
	return DeriveSlug(o)
}
