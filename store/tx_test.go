package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"
)

// TestRunInTxHoldsCapacity races transactions that each count the
// registrations and add one only while fewer than five exist: a rule no
// row lock protects, since the rows it depends on do not exist yet.
// Exactly five must be added, and no database error may escape.
func TestRunInTxHoldsCapacity(t *testing.T) {
	const places, people = 5, 20
	errFull := errors.New("full")

	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := store.OpenTestDB(t, dialect)
			_, err := db.Bun().ExecContext(ctx,
				"CREATE TABLE registrations (person integer PRIMARY KEY)")
			require.NoError(t, err)

			errs := make([]error, people)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := range people {
				wg.Go(func() {
					<-start
					errs[i] = db.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
						var n int
						err := tx.QueryRowContext(ctx,
							"SELECT count(*) FROM registrations").Scan(&n)
						if err != nil {
							return err
						}
						if n >= places {
							return errFull
						}
						_, err = tx.ExecContext(ctx,
							"INSERT INTO registrations (person) VALUES (?)", i)
						return err
					})
				})
			}
			close(start)
			wg.Wait()

			added := 0
			for i, err := range errs {
				if err == nil {
					added++
					continue
				}
				assert.ErrorIs(t, err, errFull, "person %d", i)
			}
			assert.Equal(t, places, added)

			var stored int
			require.NoError(t, db.Bun().QueryRowContext(ctx,
				"SELECT count(*) FROM registrations").Scan(&stored))
			assert.Equal(t, places, stored)
		})
	}
}

func TestRunInTxRetries(t *testing.T) {
	serialization := &pgconn.PgError{Code: "40001"}
	deadlock := &pgconn.PgError{Code: "40P01"}
	other := errors.New("other")

	tests := []struct {
		name      string
		failures  []error // what the attempts return, in turn; then nil
		wantCalls int
		wantErr   error
	}{
		{"success", nil, 1, nil},
		{"serialization failure", []error{serialization, serialization}, 3, nil},
		{"deadlock", []error{deadlock}, 2, nil},
		{"wrapped", []error{fmt.Errorf("insert: %w", serialization)}, 2, nil},
		{"other error", []error{other, other}, 1, other},
		{"unique violation", []error{&pgconn.PgError{Code: "23505"}}, 1,
			&pgconn.PgError{Code: "23505"}},
	}

	db := store.OpenTestDB(t, store.DialectSQLite)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls int
			err := db.RunInTx(context.Background(), func(ctx context.Context, tx bun.Tx) error {
				calls++
				if calls <= len(tt.failures) {
					return tt.failures[calls-1]
				}
				return nil
			})

			assert.Equal(t, tt.wantCalls, calls)
			if tt.wantErr == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tt.wantErr.Error())
			}
		})
	}
}

func TestRunInTxGivesUp(t *testing.T) {
	db := store.OpenTestDB(t, store.DialectSQLite)

	var calls int
	err := db.RunInTx(context.Background(), func(ctx context.Context, tx bun.Tx) error {
		calls++
		return &pgconn.PgError{Code: "40001"}
	})

	var pgErr *pgconn.PgError
	require.ErrorAs(t, err, &pgErr)
	assert.Equal(t, "40001", pgErr.Code)
	assert.Greater(t, calls, 2, "it retries")
	assert.LessOrEqual(t, calls, 20, "a few times only")
}

func TestRunInTxStopsWithContext(t *testing.T) {
	db := store.OpenTestDB(t, store.DialectSQLite)
	ctx, cancel := context.WithCancel(context.Background())

	var calls int
	err := db.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		calls++
		cancel()
		return &pgconn.PgError{Code: "40001"}
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, calls)
}

// TestConcurrentWritesAndReads runs writers and readers at once. On
// SQLite, every writer must wait for the lock rather than fail with
// "database is locked".
func TestConcurrentWritesAndReads(t *testing.T) {
	const writers, each = 6, 10

	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			orgs := store.OpenTestDB(t, dialect).Organizations()

			var failures atomic.Int32
			var wg sync.WaitGroup
			for w := range writers {
				wg.Go(func() {
					for i := range each {
						o := &cso.Organization{
							Slug:   fmt.Sprintf("dernek-%d-%d", w, i),
							Name:   cso.Text{"tr": fmt.Sprintf("Dernek %d %d", w, i)},
							Kind:   cso.KindAssociation,
							Status: cso.StatusActive,
						}
						if err := orgs.CreateOrganization(ctx, o); err != nil {
							t.Errorf("create: %v", err)
							failures.Add(1)
						}
					}
				})
				wg.Go(func() {
					for range each {
						if _, err := orgs.Search(ctx, cso.Query{Text: "dernek"}); err != nil {
							t.Errorf("search: %v", err)
							failures.Add(1)
						}
					}
				})
			}
			wg.Wait()

			assert.Zero(t, failures.Load())
			res, err := orgs.Search(ctx, cso.Query{Text: "dernek", Limit: 1})
			require.NoError(t, err)
			assert.Equal(t, writers*each, res.Total)
		})
	}
}
