package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// organizationStore implements cso.Store. It runs each call in a
// transaction of its own, or in the one it is bound to inside Atomically.
type organizationStore struct {
	db  *DB
	idb bun.IDB
	tx  bool // idb is a transaction that Atomically began
}

var _ cso.Store = (*organizationStore)(nil)

// write runs fn in a write transaction.
func (s *organizationStore) write(ctx context.Context, fn func(ctx context.Context, idb bun.IDB) error) error {
	if s.tx {
		return fn(ctx, s.idb)
	}
	return s.runInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		return fn(ctx, tx)
	})
}

// runInTx runs fn in a write transaction of its own. On PostgreSQL the
// transactions that write organizations take turns, within a process and
// between the processes sharing the database: each changes the facet
// bitmaps, rows that nearly every write touches, and PostgreSQL cancels
// serializable transactions that change the same row at once. Taking
// turns before they begin costs less than the retries. Within a process
// the writers wait without a connection, so that waiting writes cannot
// take all of them from reads. (SQLite lets one writer in at a time
// anyway.)
func (s *organizationStore) runInTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	if s.db.dialect != DialectPostgres {
		return s.db.RunInTx(ctx, fn)
	}

	select {
	case s.db.organizationWrites <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("store: wait to write: %w", ctx.Err())
	}
	defer func() { <-s.db.organizationWrites }()

	return s.db.withAdvisoryLock(ctx, organizationWritesLock, func(conn bun.Conn) error {
		return s.db.runInTxOn(ctx, conn, fn)
	})
}

// read runs fn in a transaction that sees one state of the database.
func (s *organizationStore) read(ctx context.Context, fn func(ctx context.Context, idb bun.IDB) error) error {
	if s.tx {
		return fn(ctx, s.idb)
	}
	return s.db.read(ctx, func(ctx context.Context, tx bun.Tx) error {
		return fn(ctx, tx)
	})
}

// Atomically implements cso.Store. Inside fn, a nested Atomically joins
// the transaction already running.
func (s *organizationStore) Atomically(ctx context.Context, fn func(ctx context.Context, tx cso.Store) error) error {
	if s.tx {
		return markUnavailable(fn(ctx, s))
	}
	err := s.runInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		return fn(ctx, &organizationStore{db: s.db, idb: tx, tx: true})
	})
	return markUnavailable(err)
}

// Organization implements cso.Store.
func (s *organizationStore) Organization(ctx context.Context, slug string) (*cso.Organization, error) {
	o, err := s.organization(ctx, "o.slug = ?", slug)
	if err != nil {
		return nil, fmt.Errorf("store: organization %q: %w", slug, markUnavailable(err))
	}
	return o, nil
}

// OrganizationByRegistryID implements cso.Store.
func (s *organizationStore) OrganizationByRegistryID(ctx context.Context, registryID string) (*cso.Organization, error) {
	if registryID == "" {
		return nil, fmt.Errorf("store: organization with empty registry id: %w",
			cso.ErrNotFound)
	}

	o, err := s.organization(ctx, "o.registry_id = ?", registryID)
	if err != nil {
		return nil, fmt.Errorf("store: organization with registry id %q: %w",
			registryID, markUnavailable(err))
	}
	return o, nil
}

// OrganizationByID implements cso.Store.
func (s *organizationStore) OrganizationByID(ctx context.Context, id int64) (*cso.Organization, error) {
	o, err := s.organization(ctx, "o.id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("store: organization %d: %w", id, markUnavailable(err))
	}
	return o, nil
}

// organization returns the one organization matching where, with all its
// offices and services.
func (s *organizationStore) organization(ctx context.Context, where string, arg any) (*cso.Organization, error) {
	var o *cso.Organization
	err := s.read(ctx, func(ctx context.Context, idb bun.IDB) error {
		row := new(organizationRow)
		err := idb.NewSelect().Model(row).Where(where, arg).Scan(ctx)
		if errors.Is(err, sql.ErrNoRows) {
			return cso.ErrNotFound
		}
		if err != nil {
			return err
		}

		orgs, err := loadDetails(ctx, idb, []*organizationRow{row}, true)
		if err != nil {
			return err
		}
		o = orgs[0]
		return nil
	})
	return o, err
}

// loadDetails returns the organizations of rows, in the same order, with
// their offices (the confidential ones only if asked) and services, read
// with one query.
func loadDetails(ctx context.Context, idb bun.IDB, rows []*organizationRow,
	confidential bool) ([]*cso.Organization, error) {

	orgs := make([]*cso.Organization, len(rows))
	byID := make(map[int64]*cso.Organization, len(rows))
	ids := make([]int64, len(rows))
	for i, row := range rows {
		orgs[i] = row.organization()
		byID[row.ID] = orgs[i]
		ids[i] = row.ID
	}
	if len(ids) == 0 {
		return orgs, nil
	}

	var details []detailRow
	q := idb.NewSelect().Model(&details).
		Column("organization_id", "offices", "services").
		Where("organization_id IN (?)", bun.List(ids))
	if confidential {
		q = q.Column("confidential_offices")
	}
	if err := q.Scan(ctx); err != nil {
		return nil, fmt.Errorf("load offices and services: %w", err)
	}
	for i := range details {
		details[i].withDetails(byID[details[i].OrganizationID], confidential)
	}
	return orgs, nil
}
