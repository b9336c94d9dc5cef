package store_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConnectionBound runs more searches at once than PostgreSQL accepts
// clients by default (100): with the default bound every one of them
// waits for a connection and succeeds. A bound given is kept to.
func TestConnectionBound(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			db := store.OpenTestDB(t, dialect)
			s := db.Organizations()
			o := &cso.Organization{Slug: "kurum", Name: cso.Text{"tr": "Kurum"},
				Kind: cso.KindOther, Status: cso.StatusActive}
			require.NoError(t, s.CreateOrganization(context.Background(), o))

			if dialect == store.DialectPostgres {
				assert.Equal(t, store.DefaultPostgresConns,
					db.Bun().Stats().MaxOpenConnections)
			}

			var wg sync.WaitGroup
			errs := make(chan error, 150)
			for range 150 {
				wg.Go(func() {
					res, err := s.Search(context.Background(), cso.Query{Text: "kurum"})
					if err == nil && res.Total != 1 {
						t.Errorf("search found %d organizations, want 1", res.Total)
					}
					errs <- err
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				require.NoError(t, err)
			}

			bounded := store.OpenTestDB(t, dialect, store.WithMaxOpenConns(3))
			assert.Equal(t, 3, bounded.Bun().Stats().MaxOpenConnections)
		})
	}
}

// TestSearchInTransactionWithOneConnection: on SQLite with one connection,
// which the transaction of Atomically holds, a search inside it finds
// what it should, whether its statement was prepared before or not.
func TestSearchInTransactionWithOneConnection(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s := store.OpenTestDB(t, store.DialectSQLite, store.WithMaxOpenConns(1)).Organizations()
	o := &cso.Organization{Slug: "kurum", Name: cso.Text{"tr": "Kurum"},
		Kind: cso.KindOther, Status: cso.StatusActive}
	require.NoError(t, s.CreateOrganization(ctx, o))

	searchInside := func() {
		t.Helper()
		err := s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
			res, err := tx.Search(ctx, cso.Query{Text: "kurum"})
			if err != nil {
				return err
			}
			assert.Equal(t, 1, res.Total)
			return nil
		})
		require.NoError(t, err)
	}

	searchInside()
	res, err := s.Search(ctx, cso.Query{Text: "kurum"})
	require.NoError(t, err)
	assert.Equal(t, 1, res.Total)
	searchInside()
}

// TestPostgresNeedsTwoConnections: opening holds one connection for the
// migration lock, so a bound of one could never open.
func TestPostgresNeedsTwoConnections(t *testing.T) {
	skipWithoutPostgres(t)

	_, err := store.Open(context.Background(),
		storetest.DSN(t, store.DialectPostgres), store.WithMaxOpenConns(1))
	assert.ErrorContains(t, err, "at least 2 open connections")
}

// TestPostgresKeepsPlans: searches are prepared once and planned once,
// unless the DSN asks PostgreSQL to plan otherwise.
func TestPostgresKeepsPlans(t *testing.T) {
	skipWithoutPostgres(t)

	ctx := context.Background()
	show := func(db *store.DB) string {
		var mode string
		require.NoError(t, db.Bun().NewRaw("SHOW plan_cache_mode").Scan(ctx, &mode))
		return mode
	}

	dsn := storetest.DSN(t, store.DialectPostgres)
	db, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	assert.Equal(t, "force_generic_plan", show(db))
	require.NoError(t, db.Close())

	db, err = store.Open(ctx, dsn+"&plan_cache_mode=auto")
	require.NoError(t, err)
	assert.Equal(t, "auto", show(db))
	require.NoError(t, db.Close())
}

// skipWithoutPostgres skips a test that only PostgreSQL can run when no
// PostgreSQL server is given.
func skipWithoutPostgres(t *testing.T) {
	t.Helper()
	if !slices.Contains(storetest.Dialects(t), store.DialectPostgres) {
		t.Skipf("PostgreSQL only: set %s to run it", storetest.PostgresEnv)
	}
}
