package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// bulkBatch is how many organizations one statement per table inserts.
// bun writes the values into the statement text, so the limit is the
// statement's size (see maxStatement) rather than the number of
// parameters a database allows; 5,000 organizations of the usual size
// make a few megabytes of SQL. Fewer, larger
// statements cost less to run, above all on SQLite, whose full-text index
// writes out and merges what it gathered at the start of each statement.
// The first batch is small, as nothing else runs while it is prepared.
const (
	bulkBatch      = 5000
	bulkFirstBatch = 500
)

var _ cso.BulkCreator = (*organizationStore)(nil)

// CreateOrganizations implements cso.BulkCreator. It writes the same rows
// as CreateOrganization does for each organization, a batch at a time,
// with IDs it reserves first.
func (s *organizationStore) CreateOrganizations(ctx context.Context, orgs []*cso.Organization) error {
	if err := duplicateInBatch(orgs); err != nil {
		return fmt.Errorf("store: create %d organizations: %w", len(orgs), err)
	}

	now := s.db.timestamp()
	var ids []int64
	err := s.write(ctx, func(ctx context.Context, idb bun.IDB) error {
		var err error
		ids, err = s.reserveIDs(ctx, idb, len(orgs))
		if err != nil {
			return err
		}

		if s.db.dialect != DialectSQLite {
			return s.insertBatches(ctx, idb, orgs, ids, now)
		}
		return withCacheSize(ctx, idb, bulkCacheSize, func() error {
			if err := s.insertBatches(ctx, idb, orgs, ids, now); err != nil {
				return err
			}
			if len(orgs) < optimizeAfter {
				return nil
			}
			return optimizeSearchIndex(ctx, idb)
		})
	})
	if err != nil {
		if _, ok := uniqueViolation(err); ok {
			err = cso.ErrDuplicate
		}
		return fmt.Errorf("store: create %d organizations: %w", len(orgs),
			markUnavailable(err))
	}

	for i, o := range orgs {
		created(o, ids[i], now)
	}
	return nil
}

// reserveIDs returns n new organization IDs in increasing order. On
// PostgreSQL they come from the identity column's sequence, as a default
// ID would. On SQLite the write transaction keeps other writers out, so
// the IDs are those that AUTOINCREMENT would give next; inserting them
// moves its counter past them.
func (s *organizationStore) reserveIDs(ctx context.Context, idb bun.IDB, n int) ([]int64, error) {
	ids := make([]int64, 0, n)
	if s.db.dialect == DialectPostgres {
		err := idb.NewRaw(`SELECT nextval(pg_get_serial_sequence('organizations', 'id'))
			FROM generate_series(1, ?)`, n).Scan(ctx, &ids)
		if err != nil {
			return nil, fmt.Errorf("reserve %d IDs: %w", n, err)
		}
		slices.Sort(ids)
		return ids, nil
	}

	var last int64
	err := idb.NewRaw(`SELECT max(
		coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'organizations'), 0),
		coalesce((SELECT max(id) FROM organizations), 0))`).Scan(ctx, &last)
	if err != nil {
		return nil, fmt.Errorf("reserve %d IDs: %w", n, err)
	}
	for i := range int64(n) {
		ids = append(ids, last+1+i)
	}
	return ids, nil
}

// bulkCacheSize is the page cache, in KiB, of a SQLite connection that
// creates many organizations: large enough to hold the indexes being
// written, so that pages are not written out and read back within the
// transaction. SQLite applies a new cache size at once, inside a
// transaction too.
const bulkCacheSize = 128 << 10

// optimizeAfter is the size of a bulk create on SQLite after which the
// full-text index is merged into one segment. Each statement of a bulk
// create adds segments, which every search then reads apart: merged,
// searches of a 100,000-organization directory take a fifth less time,
// for about a second more at the end of the import.
const optimizeAfter = 1000

// optimizeSearchIndex merges the segments of the SQLite full-text
// indexes, of organizations and of services.
func optimizeSearchIndex(ctx context.Context, idb bun.IDB) error {
	for _, index := range []string{"organization_search", "service_search"} {
		_, err := idb.ExecContext(ctx,
			"INSERT INTO "+index+" ("+index+") VALUES ('optimize')")
		if err != nil {
			return fmt.Errorf("optimize search index %s: %w", index, err)
		}
	}
	return nil
}

// withCacheSize runs fn with the page cache of the SQLite connection of
// idb set to kib KiB, and sets it back afterwards, as connections are
// shared.
func withCacheSize(ctx context.Context, idb bun.IDB, kib int, fn func() error) (err error) {
	var old int
	if err := idb.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&old); err != nil {
		return fmt.Errorf("read cache size: %w", err)
	}
	if _, err := idb.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -kib)); err != nil {
		return fmt.Errorf("set cache size: %w", err)
	}

	defer func() {
		_, restoreErr := idb.ExecContext(context.WithoutCancel(ctx),
			fmt.Sprintf("PRAGMA cache_size = %d", old))
		if err == nil && restoreErr != nil {
			err = fmt.Errorf("restore cache size: %w", restoreErr)
		}
	}()
	return fn()
}
