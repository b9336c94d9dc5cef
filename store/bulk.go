package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// bulkBatch is how many organizations one statement per table inserts.
// bun writes the values into the statement text, so the limit is the
// statement's size rather than the number of parameters a database
// allows; 5,000 organizations make a few megabytes of SQL. Fewer, larger
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
			return s.insertBatches(ctx, idb, orgs, ids, now)
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

// renderedBatch is a batch of organizations with the statements that
// insert them, written out.
type renderedBatch struct {
	orgs       []*cso.Organization
	statements []renderedStatement
	err        error
}

// renderedStatement is an INSERT with its values written into it.
type renderedStatement struct {
	table string
	sql   string
}

// insertBatches inserts orgs with the IDs a batch at a time. Building
// the rows (folding names into search keys, collation keys) and writing
// out the statements costs about half as much as running them, so
// another goroutine prepares the next batch while the database runs the
// last.
func (s *organizationStore) insertBatches(ctx context.Context, idb bun.IDB, orgs []*cso.Organization, ids []int64, now time.Time) error {
	batches := make(chan renderedBatch, 1)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(batches)
		for start, size := 0, bulkFirstBatch; start < len(orgs); start, size = start+size, bulkBatch {
			end := min(start+size, len(orgs))
			b := s.renderBatch(orgs[start:end], ids[start:end], now)

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
		if b.err != nil {
			return b.err
		}
		if err := s.insertBatch(ctx, idb, b); err != nil {
			return err
		}
	}
	return nil
}

// renderBatch builds the rows of orgs, with the IDs, and writes out the
// statements that insert them: the organizations with their IDs, then
// the same statements CreateOrganization runs for the rest.
func (s *organizationStore) renderBatch(orgs []*cso.Organization, ids []int64, now time.Time) renderedBatch {
	recs := make([]*record, len(orgs))
	rows := make([]*organizationRow, len(orgs))
	for i, o := range orgs {
		recs[i] = newCreatedRecord(o, now)
		recs[i].setID(ids[i])
		rows[i] = &recs[i].org
	}

	// The statements are written out with the DB, not the transaction,
	// which this goroutine does not share: writing one out reads nothing.
	qs := []*bun.InsertQuery{
		s.db.bun.NewInsert().Model(&rows).Returning("NULL"),
	}
	qs = append(qs, detailInserts(s.db.bun, recs)...)

	b := renderedBatch{orgs: orgs}
	for _, q := range qs {
		sql, err := q.AppendQuery(s.db.bun.QueryGen(), nil)
		if err != nil {
			b.err = fmt.Errorf("write out insert into %s: %w",
				q.GetTableName(), err)
			return b
		}
		b.statements = append(b.statements,
			renderedStatement{table: q.GetTableName(), sql: string(sql)})
	}
	return b
}

// insertBatch runs the statements of b, the organizations first. They go
// through bun as queries whose text is written already; a query log shows
// them by table, without their values.
func (s *organizationStore) insertBatch(ctx context.Context, idb bun.IDB, b renderedBatch) error {
	if err := s.insertOrganizations(ctx, idb, b); err != nil {
		return err
	}
	for _, st := range b.statements[1:] {
		if err := runRendered(ctx, idb, st); err != nil {
			return err
		}
	}
	return nil
}

// insertOrganizations runs the statement that inserts the organizations
// of b. A slug or registry identifier that is taken fails it; the keys of
// the batch are then looked up, so that the conflict is named as
// CreateOrganization names it. On PostgreSQL a failed statement aborts
// the transaction, so the statement runs inside a savepoint there.
func (s *organizationStore) insertOrganizations(ctx context.Context, idb bun.IDB, b renderedBatch) error {
	pg := s.db.dialect == DialectPostgres
	if pg {
		if _, err := idb.ExecContext(ctx, "SAVEPOINT bulk_create"); err != nil {
			return err
		}
	}

	err := runRendered(ctx, idb, b.statements[0])
	if _, taken := uniqueViolation(err); taken {
		if pg {
			if _, err := idb.ExecContext(ctx, "ROLLBACK TO SAVEPOINT bulk_create"); err != nil {
				return err
			}
		}
		return nameTakenKey(ctx, idb, b.orgs, err)
	}
	if err != nil || !pg {
		return err
	}

	_, err = idb.ExecContext(ctx, "RELEASE SAVEPOINT bulk_create")
	return err
}

// nameTakenKey returns the *cso.DuplicateError for the first slug or
// registry identifier of orgs that a stored organization holds, or err
// if none does.
func nameTakenKey(ctx context.Context, idb bun.IDB, orgs []*cso.Organization, err error) error {
	slugs, registryIDs := batchKeys(orgs)
	stored, lookupErr := rowsByKeys(ctx, idb, slugs, registryIDs,
		"id", "slug", "registry_id")
	if lookupErr != nil {
		return errors.Join(err, lookupErr)
	}
	if dup := takenKey(orgs, stored); dup != nil {
		return dup
	}
	return err
}

// runRendered runs a statement whose text is written already.
func runRendered(ctx context.Context, idb bun.IDB, st renderedStatement) error {
	_, err := idb.NewRaw("?", bun.Safe(st.sql)).
		Comment("store: insert " + st.table).
		Exec(ctx)
	return err
}
