package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// maxStatement is the longest statement, in bytes, that a bulk create
// writes out, unless one organization alone takes more. Organizations
// are usually small, but their texts and lists may make one of them
// take megabytes.
const maxStatement = 8 << 20

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
// last. That goroutine gathers the bits of the facet bitmaps too, which
// are written once all the batches are in, each chunk once.
func (s *organizationStore) insertBatches(ctx context.Context, idb bun.IDB, orgs []*cso.Organization, ids []int64, now time.Time) error {
	batches := make(chan renderedBatch, 1)
	stop := make(chan struct{})
	bits := newFacetBits(s.db.dialect)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(batches)
		for start, size := 0, bulkFirstBatch; start < len(orgs); start, size = start+size, bulkBatch {
			end := min(start+size, len(orgs))
			recs := newBatchRecords(orgs[start:end], ids[start:end], now)
			for _, rec := range recs {
				bits.set(rec.org.ID, rec.org.FacetKey)
			}
			for _, b := range s.render(orgs[start:end], recs) {
				select {
				case batches <- b:
				case <-stop:
					return
				}
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

	// The channel is closed: the other goroutine is done with bits.
	return bits.write(ctx, idb)
}

// newBatchRecords builds the rows of orgs, with the IDs.
func newBatchRecords(orgs []*cso.Organization, ids []int64, now time.Time) []*record {
	recs := make([]*record, len(orgs))
	for i, o := range orgs {
		recs[i] = newCreatedRecord(o, now)
		recs[i].setID(ids[i])
	}
	return recs
}

// render writes out the statements that insert the records of orgs: the
// organizations with their IDs, then the same statements that
// CreateOrganization runs for the rest. Statements longer than
// maxStatement are split, half of the organizations at a time.
func (s *organizationStore) render(orgs []*cso.Organization, recs []*record) []renderedBatch {
	rows := make([]*organizationRow, len(recs))
	for i, rec := range recs {
		rows[i] = &rec.org
	}

	// The statements are written out with the DB, not the transaction,
	// which this goroutine does not share: writing one out reads nothing.
	qs := []*bun.InsertQuery{
		s.db.bun.NewInsert().Model(&rows).Returning("NULL"),
	}
	qs = append(qs, detailInsert(s.db.bun, recs))
	if q := serviceKeyInsert(s.db.bun, s.db.dialect, recs); q != nil {
		qs = append(qs, q)
	}

	b := renderedBatch{orgs: orgs}
	for _, q := range qs {
		sql, err := q.AppendQuery(s.db.bun.QueryGen(), nil)
		if err != nil {
			b.err = fmt.Errorf("write out insert into %s: %w",
				q.GetTableName(), err)
			return []renderedBatch{b}
		}

		if len(sql) > maxStatement && len(orgs) > 1 {
			half := len(orgs) / 2
			return append(s.render(orgs[:half], recs[:half]),
				s.render(orgs[half:], recs[half:])...)
		}
		b.statements = append(b.statements,
			renderedStatement{table: q.GetTableName(), sql: string(sql)})
	}
	return []renderedBatch{b}
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
