package store

import (
	"context"
	"crypto/rand"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"
)

// TestAdvisoryLocksArePerSchema holds each advisory lock in one schema
// and takes it meanwhile in another schema of the same database, which
// must not wait; a DB in the holder's own schema must wait until the
// holder lets go.
func TestAdvisoryLocksArePerSchema(t *testing.T) {
	if !slices.Contains(storetest.Dialects(t), DialectPostgres) {
		t.Skip("advisory locks are taken on PostgreSQL only: set " +
			storetest.PostgresEnv + " to run this test")
	}

	for _, key := range []string{migrationsLock, organizationWritesLock} {
		t.Run(key, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()

			dsn := storetest.DSN(t, DialectPostgres)
			holder := openPostgres(t, dsn)
			elsewhere := OpenTestDB(t, DialectPostgres)

			// The waiter's connections carry a name of their own, by which
			// the test finds them among the server's sessions.
			waiterName := "musterek-test-" + strings.ToLower(rand.Text())
			waiter := openPostgres(t, withApplicationName(t, dsn, waiterName))

			waited := make(chan error, 1)
			err := holder.withAdvisoryLock(ctx, key, func(bun.Conn) error {
				err := elsewhere.withAdvisoryLock(ctx, key, func(bun.Conn) error {
					return nil
				})
				require.NoError(t, err, "a DB in another schema waited for the lock")

				go func() {
					waited <- waiter.withAdvisoryLock(ctx, key, func(bun.Conn) error {
						return nil
					})
				}()
				waitForAdvisoryLock(ctx, t, holder, waiterName)
				return nil
			})
			require.NoError(t, err)

			require.NoError(t, <-waited, "the waiter did not take the lock once it was free")
		})
	}
}

// openPostgres opens the PostgreSQL database at dsn for as long as the
// test lasts.
func openPostgres(t *testing.T, dsn string) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, db.Close()) })
	return db
}

// withApplicationName returns dsn with the application_name setting,
// which names its sessions in pg_stat_activity.
func withApplicationName(t *testing.T, dsn, name string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	query := u.Query()
	query.Set("application_name", name)
	u.RawQuery = query.Encode()
	return u.String()
}

// waitForAdvisoryLock returns once a session named application waits
// for an advisory lock, as db's server reports it, and fails the test
// when ctx ends first.
func waitForAdvisoryLock(ctx context.Context, t *testing.T, db *DB, application string) {
	t.Helper()
	for {
		var waiting int
		err := db.bun.QueryRowContext(ctx, `
			SELECT count(*) FROM pg_stat_activity
			WHERE application_name = ?
				AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
			application).Scan(&waiting)
		require.NoError(t, err, "no session of the same schema waited for the lock")
		if waiting > 0 {
			return
		}

		select {
		case <-ctx.Done():
			t.Fatal("no session of the same schema waited for the lock")
		case <-time.After(10 * time.Millisecond):
		}
	}
}
