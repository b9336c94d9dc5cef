package cso

import (
	"context"
	"fmt"
	"io"
	"slices"
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
// an *ImportError listing every bad row. Only an administrator may
// import.
//
// A row updates the organization with the same registry identifier, or
// else the same slug, so importing the same file twice changes nothing
// the second time. A row that gives no slug updates the organization
// holding the slug derived from its name only when that organization's
// Turkish name is the row's, compared as search keys are (see Fold);
// otherwise the row must give a slug. A row that gives a slug may not
// update an organization with another slug by its registry identifier,
// as slugs never change, and no two rows may update the same
// organization.
//
// An update changes only what the file's columns hold; what its header
// leaves out stays as stored. Each of name_tr, name_en, name_ar,
// description_tr, description_en and description_ar holds its language
// alone, and names and descriptions in other languages are kept. The
// office columns hold the public offices together, and the service
// columns (service_areas, target_groups, languages, provinces) hold the
// services together: a file that has any column of a group replaces
// what the group holds, with its absent columns read as empty. When what
// a row says of the services or of the office is what WriteCSV would
// write for the stored organization, the stored services or offices are
// kept as they are, with the details a file cannot hold. Confidential
// offices are always kept, and imports never move verification dates.
//
// A Store that is also a KeyFinder is asked at once which of many rows
// match stored organizations, and one that is also a BulkCreator creates
// all new organizations with one call; the result is the same as with
// any other Store.
func (d *Directory) Import(ctx context.Context, actor Actor, r io.Reader) (*ImportReport, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}

	f, err := readCSV(r)
	if err != nil {
		return nil, err
	}

	var report ImportReport
	err = d.store.Atomically(ctx, func(ctx context.Context, tx Store) error {
		imp := newImporter(tx, f)
		if err := imp.plan(ctx); err != nil {
			return err
		}

		// The rows that cannot be saved are reported with those that
		// were bad already, and nothing is written.
		if errs := slices.Concat(f.errs, imp.errs); len(errs) > 0 {
			sortRowErrors(errs)
			return &ImportError{Rows: errs}
		}

		if err := imp.apply(ctx); err != nil {
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

// importer saves the rows of one file inside one transaction. It plans
// every row first, matching it and checking what it would change, and
// writes only when no row failed.
type importer struct {
	tx   Store
	file *csvFile

	// keys finds the stored organizations that rows match: a chunk's
	// index when tx is a KeyFinder, or tx itself.
	finder KeyFinder
	keys   keyLookup

	// matched holds the stored organizations that rows matched, by ID.
	matched map[int64]matchedRow

	// freed holds the registry identifiers that planned updates give up.
	freed map[string]bool

	updates []*Organization
	creates []*Organization
	errs    []RowError
	report  ImportReport
}

// matchedRow is the row that matched a stored organization.
type matchedRow struct {
	line int
	slug string // the organization's
}

func newImporter(tx Store, f *csvFile) *importer {
	imp := &importer{
		tx:      tx,
		file:    f,
		keys:    storeKeys{tx},
		matched: map[int64]matchedRow{},
		freed:   map[string]bool{},
	}
	imp.finder, _ = tx.(KeyFinder)
	return imp
}

// plan matches the rows in their order, a chunk at a time, and records
// what each would do or why it may not.
func (imp *importer) plan(ctx context.Context) error {
	rows := imp.file.rows
	for start := 0; start < len(rows); start += matchBatch {
		chunk := rows[start:min(start+matchBatch, len(rows))]
		if imp.finder != nil {
			index, err := loadImportIndex(ctx, imp.finder, chunk)
			if err != nil {
				return err
			}
			imp.keys = index
		}

		for _, row := range chunk {
			if err := imp.planRow(ctx, row); err != nil {
				return err
			}
		}
	}
	return nil
}

// planRow plans the creation of a row's organization or the update of
// the one it matches.
func (imp *importer) planRow(ctx context.Context, row csvRow) error {
	m, err := imp.match(ctx, row)
	if err != nil {
		return err
	}
	if m.id == 0 {
		imp.planCreate(row)
		return nil
	}

	if column, reason := imp.refusal(row, m); reason != "" {
		imp.fail(row.line, column, reason)
		return nil
	}
	imp.matched[m.id] = matchedRow{row.line, m.stored.Slug}
	imp.planUpdate(row, m.stored)
	return nil
}

// planCreate plans the creation of a row's organization, which needs a
// slug.
func (imp *importer) planCreate(row csvRow) {
	if !validSlug(row.slug) {
		imp.fail(row.line, "slug", "cannot be derived from the name: "+
			"give a slug of Latin letters, digits and hyphens")
		return
	}

	n := *row.org
	n.ID, n.Version, n.LastVerified = 0, 0, nil
	n.CreatedAt, n.UpdatedAt = time.Time{}, time.Time{}
	n.Slug = row.slug
	imp.creates = append(imp.creates, &n)
}

// planUpdate plans the update of stored by a row, unless the row leaves
// it as it is.
func (imp *importer) planUpdate(row csvRow, stored *Organization) {
	n := mergeCSVRow(stored, row.org, imp.file)
	n.Slug, n.Version = "", stored.Version
	u, err := prepareUpdate(stored, n)
	if err != nil {
		imp.failWith(row.line, err, n)
		return
	}

	if sameContent(stored, u) {
		imp.report.Unchanged++
		return
	}
	imp.updates = append(imp.updates, u)
	if stored.RegistryID != "" && stored.RegistryID != u.RegistryID {
		imp.freed[stored.RegistryID] = true
	}
}

// fail records why a row may not be imported.
func (imp *importer) fail(line int, column, reason string) {
	imp.errs = append(imp.errs, RowError{line, column, reason})
}

// failWith records err, what checking n, the update of a row, returned,
// under the columns it names.
func (imp *importer) failWith(line int, err error, n *Organization) {
	bad := csvProblems{}
	bad.addError(err, n)
	for _, column := range bad.columns() {
		imp.fail(line, column, bad.reason(column))
	}
}

// apply runs the planned updates in the order of their rows, then
// creates the new organizations: all at once when tx is a BulkCreator.
// Creating last is safe because the slugs and registry identifiers of a
// file are unique (ReadCSV checks it), so no update can take the keys
// of a new organization.
func (imp *importer) apply(ctx context.Context) error {
	for _, u := range imp.updates {
		if err := imp.tx.UpdateOrganization(ctx, u); err != nil {
			return fmt.Errorf("cso: import %q: %w", u.Slug, err)
		}
	}
	imp.report.Updated = len(imp.updates)

	if err := imp.create(ctx); err != nil {
		return err
	}
	imp.report.Created = len(imp.creates)
	return nil
}

// create creates the planned new organizations.
func (imp *importer) create(ctx context.Context) error {
	if len(imp.creates) == 0 {
		return nil
	}

	if bc, ok := imp.tx.(BulkCreator); ok {
		if err := bc.CreateOrganizations(ctx, imp.creates); err != nil {
			return fmt.Errorf("cso: import: %w", err)
		}
		return nil
	}

	for _, n := range imp.creates {
		if err := imp.tx.CreateOrganization(ctx, n); err != nil {
			return fmt.Errorf("cso: import %q: %w", n.Slug, err)
		}
	}
	return nil
}
