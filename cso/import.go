package cso

import (
	"context"
	"errors"
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

	// index knows the stored organizations the rows may match; it is nil
	// when tx is no KeyFinder and each row is looked up on its own.
	index *importIndex

	// pending are new organizations not yet created.
	pending []*Organization
}

// run saves orgs in their order.
func (imp *importer) run(ctx context.Context, orgs []*Organization) error {
	if kf, ok := imp.tx.(KeyFinder); ok {
		index, err := loadImportIndex(ctx, kf, orgs)
		if err != nil {
			return err
		}
		imp.index = index
	}

	for _, o := range orgs {
		if err := imp.row(ctx, o); err != nil {
			return err
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
		imp.index.moved(u.ID, stored.RegistryID, u.RegistryID)
	}
	imp.report.Updated++
	return nil
}

// match finds the stored organization a row stands for.
func (imp *importer) match(ctx context.Context, o *Organization) (*Organization, bool, error) {
	if imp.index == nil {
		return importMatch(ctx, imp.tx, o)
	}

	id, ok := imp.index.match(o)
	if !ok {
		return nil, false, nil
	}
	stored, err := imp.tx.OrganizationByID(ctx, id)
	if err != nil {
		return nil, false, fmt.Errorf("cso: import: %w", err)
	}
	return stored, true, nil
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

	stored, err := tx.Organization(ctx, importSlug(o))
	if errors.Is(err, ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("cso: import: %w", err)
	}
	return stored, true, nil
}

// importIndex maps the slugs and registry identifiers of a file to the
// stored organizations holding them, as importMatch would find them.
type importIndex struct {
	bySlug       map[string]int64
	byRegistryID map[string]int64
}

// loadImportIndex asks kf once for every key of orgs.
func loadImportIndex(ctx context.Context, kf KeyFinder, orgs []*Organization) (*importIndex, error) {
	slugs := make([]string, 0, len(orgs))
	var registryIDs []string
	for _, o := range orgs {
		slugs = append(slugs, importSlug(o))
		if o.RegistryID != "" {
			registryIDs = append(registryIDs, o.RegistryID)
		}
	}

	keys, err := kf.OrganizationKeys(ctx, slugs, registryIDs)
	if err != nil {
		return nil, fmt.Errorf("cso: import: %w", err)
	}

	index := &importIndex{
		bySlug:       make(map[string]int64, len(keys)),
		byRegistryID: make(map[string]int64, len(keys)),
	}
	for _, k := range keys {
		index.bySlug[k.Slug] = k.ID
		if k.RegistryID != "" {
			index.byRegistryID[k.RegistryID] = k.ID
		}
	}
	return index, nil
}

// match returns the ID of the organization o stands for: by registry
// identifier first, then by slug.
func (x *importIndex) match(o *Organization) (int64, bool) {
	if o.RegistryID != "" {
		if id, ok := x.byRegistryID[o.RegistryID]; ok {
			return id, true
		}
	}
	id, ok := x.bySlug[importSlug(o)]
	return id, ok
}

// moved records that an update changed the registry identifier of the
// organization with the ID from one value to another, so later rows match as they
// would have matched in the database.
func (x *importIndex) moved(id int64, from, to string) {
	if from == to {
		return
	}
	if from != "" && x.byRegistryID[from] == id {
		delete(x.byRegistryID, from)
	}
	if to != "" {
		x.byRegistryID[to] = id
	}
}
