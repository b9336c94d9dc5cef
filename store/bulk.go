package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// bulkBatch is how many organizations one statement per table inserts,
// and how many keys one lookup asks for. bun writes the values into the
// statement text, so the limit is the statement's size rather than the
// number of parameters a database allows; 500 organizations make a few
// hundred kilobytes of SQL.
const bulkBatch = 500

var (
	_ cso.BulkCreator = (*organizationStore)(nil)
	_ cso.KeyFinder   = (*organizationStore)(nil)
)

// CreateOrganizations implements cso.BulkCreator. It writes the same rows
// as CreateOrganization does for each organization, a batch at a time.
func (s *organizationStore) CreateOrganizations(ctx context.Context, orgs []*cso.Organization) error {
	if err := duplicateInBatch(orgs); err != nil {
		return fmt.Errorf("store: create %d organizations: %w", len(orgs), err)
	}

	now := s.db.timestamp()
	ids := make([]int64, len(orgs))
	err := s.write(ctx, func(ctx context.Context, idb bun.IDB) error {
		if s.db.dialect != DialectSQLite {
			return insertBatches(ctx, idb, orgs, now, ids)
		}
		return withSQLitePragmas(ctx, idb, bulkPragmas, func() error {
			return insertBatches(ctx, idb, orgs, now, ids)
		})
	})
	if err != nil {
		if _, ok := uniqueViolation(err); ok {
			err = cso.ErrDuplicate
		}
		return fmt.Errorf("store: create %d organizations: %w", len(orgs), err)
	}

	for i, o := range orgs {
		created(o, ids[i], now)
	}
	return nil
}

// bulkPragmas set up a SQLite connection for a large insert: a page
// cache (in KiB when negative) that holds the indexes being written, so
// that pages are not written out and read back mid-transaction. SQLite
// takes the cache size into account at once, inside a transaction too.
var bulkPragmas = map[string]int{
	"cache_size": -128 << 10,
}

// withSQLitePragmas runs fn with the pragmas set on the connection of
// idb and sets them back afterwards, as connections are shared.
func withSQLitePragmas(ctx context.Context, idb bun.IDB, pragmas map[string]int, fn func() error) (err error) {
	for name, value := range pragmas {
		var old int
		if err := idb.QueryRowContext(ctx, "PRAGMA "+name).Scan(&old); err != nil {
			return fmt.Errorf("read pragma %s: %w", name, err)
		}
		if _, err := idb.ExecContext(ctx, fmt.Sprintf("PRAGMA %s = %d", name, value)); err != nil {
			return fmt.Errorf("set pragma %s: %w", name, err)
		}

		defer func() {
			_, restoreErr := idb.ExecContext(context.WithoutCancel(ctx),
				fmt.Sprintf("PRAGMA %s = %d", name, old))
			if err == nil && restoreErr != nil {
				err = fmt.Errorf("restore pragma %s: %w", name, restoreErr)
			}
		}()
	}
	return fn()
}

// recordBatch is the records of orgs[start:start+len(recs)].
type recordBatch struct {
	start int
	recs  []*record
}

// insertBatches inserts orgs a batch at a time and sets ids. Building the
// records (folding names into search keys, collation keys) costs about
// as much as writing them, so another goroutine builds the next batch
// while the database writes the last.
func insertBatches(ctx context.Context, idb bun.IDB, orgs []*cso.Organization, now time.Time, ids []int64) error {
	batches := make(chan recordBatch, 1)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(batches)
		for start := 0; start < len(orgs); start += bulkBatch {
			end := min(start+bulkBatch, len(orgs))
			b := recordBatch{start: start, recs: make([]*record, 0, end-start)}
			for _, o := range orgs[start:end] {
				b.recs = append(b.recs, newCreatedRecord(o, now))
			}

			select {
			case batches <- b:
			case <-stop:
				return
			}
		}
	})
	defer wg.Wait()
	defer close(stop)

	for b := range batches {
		batch := orgs[b.start : b.start+len(b.recs)]
		if err := insertBatch(ctx, idb, batch, b.recs); err != nil {
			return err
		}
		for i, rec := range b.recs {
			ids[b.start+i] = rec.org.ID
		}
	}
	return nil
}

// insertBatch inserts the records of orgs after checking that none of
// their slugs and registry identifiers is taken, so that a conflict is
// named as CreateOrganization names it.
func insertBatch(ctx context.Context, idb bun.IDB, orgs []*cso.Organization, recs []*record) error {
	slugs, registryIDs := batchKeys(orgs)
	stored, err := rowsByKeys(ctx, idb, slugs, registryIDs,
		"id", "slug", "registry_id")
	if err != nil {
		return err
	}
	if err := takenKey(orgs, stored); err != nil {
		return err
	}
	return insertRecords(ctx, idb, recs)
}

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

		for start := 0; start < len(rows); start += bulkBatch {
			batch, err := loadDetails(ctx, idb,
				rows[start:min(start+bulkBatch, len(rows))], true)
			if err != nil {
				return err
			}
			orgs = append(orgs, batch...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: organizations by keys: %w", err)
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
		for start := 0; start < len(values); start += bulkBatch {
			end := min(start+bulkBatch, len(values))

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
