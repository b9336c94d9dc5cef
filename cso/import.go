package cso

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"
)

// ImportReport counts what an import did.
type ImportReport struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// matchBatch is how many rows Import checks at a time as it reads, and
// matches with one question to a KeyFinder.
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
// Import saves rows while it still reads and checks the rest of the file,
// inside the transaction, which it rolls back if a row turns out bad. A
// Store that is also a KeyFinder is asked at once which of many rows
// match stored organizations, and one that is also a BulkCreator creates
// the new ones in batches; the result is the same as with any other
// Store.
func (d *Directory) Import(ctx context.Context, actor Actor, r io.Reader) (*ImportReport, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}

	feed := newImportFeed()
	var readErr error
	var reading sync.WaitGroup
	reading.Go(func() {
		readErr = readCSV(r, matchBatch, feed.add)
		feed.finish(readErr)
	})

	var report ImportReport
	err := d.store.Atomically(ctx, func(ctx context.Context, tx Store) error {
		imp := &importer{tx: tx}
		if err := imp.run(ctx, feed); err != nil {
			return err
		}
		report = imp.report
		return nil
	})

	// A bad file is reported as such, whatever became of the transaction.
	reading.Wait()
	if readErr != nil {
		return nil, readErr
	}
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

// run saves the organizations of the feed in their order, a chunk at a
// time as the feed gets them.
func (imp *importer) run(ctx context.Context, feed *importFeed) error {
	imp.finder, _ = imp.tx.(KeyFinder)

	for i := 0; ; i++ {
		chunk, ok, err := feed.chunk(ctx, i)
		if err != nil {
			return err
		}
		if !ok {
			return imp.flush(ctx)
		}

		if imp.finder != nil {
			index, err := loadImportIndex(ctx, imp.finder, chunk)
			if err != nil {
				return err
			}
			imp.index = index
		}
		for j, o := range chunk.orgs {
			if err := imp.row(ctx, o, chunk.slugs[j]); err != nil {
				return err
			}
		}
	}
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
func (imp *importer) match(ctx context.Context, o *Organization, slug string) (*Organization, bool, error) {
	if imp.index == nil {
		return importMatch(ctx, imp.tx, o, slug)
	}
	return imp.index.match(ctx, imp.tx, o, slug)
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
