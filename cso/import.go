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

// Import reads organizations in the CSV format of ReadCSV and saves them
// in one transaction: a file with any bad row imports nothing and returns
// an *ImportError listing every bad row. A row updates the organization
// with the same registry identifier, or else the same slug, so importing
// the same file twice changes nothing the second time. Imports never move
// verification dates. Only an administrator may import.
//
// A Store that is also a KeyFinder is asked at once which of many rows
// match stored organizations, and one that is also a BulkCreator creates
// all new organizations with one call; the result is the same as with
// any other Store.
func (d *Directory) Import(ctx context.Context, actor Actor, r io.Reader) (*ImportReport, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}

	orgs, slugs, err := readCSV(r)
	if err != nil {
		return nil, err
	}

	var report ImportReport
	err = d.store.Atomically(ctx, func(ctx context.Context, tx Store) error {
		imp := &importer{tx: tx}
		if err := imp.run(ctx, orgs, slugs); err != nil {
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

	// pending are the new organizations that a BulkCreator creates once
	// every row is matched.
	pending []*Organization
}

// run saves orgs in their order; slugs[i] is the slug orgs[i] is matched
// by.
func (imp *importer) run(ctx context.Context, orgs []*Organization, slugs []string) error {
	imp.finder, _ = imp.tx.(KeyFinder)

	for start := 0; start < len(orgs); start += matchBatch {
		end := min(start+matchBatch, len(orgs))
		if imp.finder != nil {
			index, err := loadImportIndex(ctx, imp.finder,
				orgs[start:end], slugs[start:end])
			if err != nil {
				return err
			}
			imp.index = index
		}

		for i := start; i < end; i++ {
			if err := imp.row(ctx, orgs[i], slugs[i]); err != nil {
				return err
			}
		}
	}
	return imp.flush(ctx)
}

// row creates o or updates the organization it matches; slug is the one
// o is matched by.
func (imp *importer) row(ctx context.Context, o *Organization, slug string) error {
	stored, found, err := imp.match(ctx, o, slug)
	if err != nil {
		return err
	}

	if !found {
		n, err := prepareImported(o, slug)
		if err != nil {
			return err
		}
		return imp.create(ctx, n)
	}

	n := *o
	n.Slug, n.Version = "", stored.Version
	n.Offices = keepConfidentialOffices(o.Offices, stored.Offices)
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

// keepConfidentialOffices returns the offices of a row of a file with
// the confidential offices of the stored organization it updates. A file
// cannot mark an office confidential, so a row's offices stand for the
// public ones only: they take the places of the stored public offices,
// in order, and the confidential offices keep theirs. Rows with more
// offices than the stored public ones add them at the end.
func keepConfidentialOffices(rowOffices, stored []Office) []Office {
	var offices []Office
	next := 0
	for _, off := range stored {
		switch {
		case off.Confidential:
			offices = append(offices, off)
		case next < len(rowOffices):
			offices = append(offices, rowOffices[next])
			next++
		}
	}
	return append(offices, rowOffices[next:]...)
}

// match finds the stored organization a row stands for.
func (imp *importer) match(ctx context.Context, o *Organization, slug string) (*Organization, bool, error) {
	if imp.index == nil {
		return importMatch(ctx, imp.tx, o, slug)
	}
	return imp.index.match(ctx, imp.tx, o, slug)
}

// create creates n, or keeps it for the end when tx is a BulkCreator.
// Deferring is safe because the slugs and registry identifiers of a file
// are unique (ReadCSV checks it), so no later row can match n or take
// its keys.
func (imp *importer) create(ctx context.Context, n *Organization) error {
	if _, ok := imp.tx.(BulkCreator); !ok {
		if err := imp.tx.CreateOrganization(ctx, n); err != nil {
			return fmt.Errorf("cso: import %q: %w", n.Slug, err)
		}
		imp.report.Created++
		return nil
	}

	imp.pending = append(imp.pending, n)
	return nil
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
// readCSV has normalized and validated already and whose slug, given or
// derived, it found: it only clears what the store manages and sets the
// slug. A row without a usable slug goes through prepareNew, which says
// why.
func prepareImported(o *Organization, slug string) (*Organization, error) {
	if !validSlug(slug) {
		return prepareNew(o)
	}

	n := *o
	n.ID, n.Version, n.LastVerified = 0, 0, nil
	n.CreatedAt, n.UpdatedAt = time.Time{}, time.Time{}
	n.Slug = slug
	return &n, nil
}
