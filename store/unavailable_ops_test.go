package store_test

import (
	"context"
	"database/sql/driver"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// TestOperationsOnUnreachableDatabase opens a database, takes it away
// from under the DB, and checks that every operation then says so with
// ErrUnavailable, keeping the driver's error in the chain. On SQLite the
// folder of the file goes, so that new connections cannot open it; on
// PostgreSQL the database is dropped while the DB is connected to it.
func TestOperationsOnUnreachableDatabase(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db, takeAway := openRemovableDB(t, dialect)
			orgs := db.Organizations()

			o := &cso.Organization{Slug: "ornek-dernegi", RegistryID: "34-001-234",
				Name: cso.Text{"tr": "Örnek Derneği"}, Kind: cso.KindAssociation,
				Status: cso.StatusActive}
			require.NoError(t, orgs.CreateOrganization(ctx, o))
			token := cso.Token{Hash: strings.Repeat("ab", 32), OrganizationID: o.ID}
			require.NoError(t, orgs.SaveToken(ctx, token))

			takeAway()

			for _, op := range storeOperations(db, o, token) {
				t.Run(op.name, func(t *testing.T) {
					err := op.run(ctx)
					require.ErrorIs(t, err, store.ErrUnavailable)

					var ue *store.UnavailableError
					require.ErrorAs(t, err, &ue)
					assert.ErrorIs(t, err, ue.Cause, "the driver's error stays in the chain")
					assert.Contains(t, err.Error(), ue.Cause.Error())
					assertDriverCause(t, dialect, ue.Cause)
				})
			}
		})
	}
}

// assertDriverCause asserts that cause is an error with which the driver
// of the dialect says that the database is gone.
func assertDriverCause(t *testing.T, dialect string, cause error) {
	t.Helper()
	if dialect == store.DialectSQLite {
		var liteErr *sqlite.Error
		require.ErrorAs(t, cause, &liteErr)
		assert.Equal(t, sqlite3.SQLITE_CANTOPEN, liteErr.Code()&0xff, "%v", cause)
		return
	}

	// A connection of the pool hears that it was ended, or finds itself
	// closed; a new one hears that the database does not exist.
	var connectErr *pgconn.ConnectError
	var pgErr *pgconn.PgError
	var netErr net.Error
	switch {
	case errors.As(cause, &pgErr):
		assert.Contains(t, []string{"57P01", "3D000"}, pgErr.Code, "%v", cause)
	case errors.As(cause, &connectErr):
	case errors.As(cause, &netErr), errors.Is(cause, driver.ErrBadConn),
		errors.Is(cause, pgconn.ErrConnClosed):
	default:
		t.Errorf("cause %T is none of PostgreSQL's: %v", cause, cause)
	}
}

// storeOperation is one call of the DB or of its store that reads or
// writes the database.
type storeOperation struct {
	name string
	run  func(ctx context.Context) error
}

// storeOperations returns every call of db and of its store that reads or
// writes the database, each on the stored organization o and its token.
func storeOperations(db *store.DB, o *cso.Organization, token cso.Token) []storeOperation {
	orgs := db.Organizations()
	newOrg := func() *cso.Organization {
		return &cso.Organization{Slug: "baska-dernek", Name: cso.Text{"tr": "Başka Dernek"},
			Kind: cso.KindAssociation, Status: cso.StatusActive}
	}

	return []storeOperation{
		{"ping", db.Ping},
		{"organization", func(ctx context.Context) error {
			_, err := orgs.Organization(ctx, o.Slug)
			return err
		}},
		{"organization by registry id", func(ctx context.Context) error {
			_, err := orgs.OrganizationByRegistryID(ctx, o.RegistryID)
			return err
		}},
		{"organization by id", func(ctx context.Context) error {
			_, err := orgs.OrganizationByID(ctx, o.ID)
			return err
		}},
		{"search", func(ctx context.Context) error {
			_, err := orgs.Search(ctx, cso.Query{Text: "örnek"})
			return err
		}},
		{"search by province", func(ctx context.Context) error {
			_, err := orgs.Search(ctx, cso.Query{Province: 34})
			return err
		}},
		{"create", func(ctx context.Context) error {
			return orgs.CreateOrganization(ctx, newOrg())
		}},
		{"update", func(ctx context.Context) error {
			changed := *o
			changed.Name = cso.Text{"tr": "Örnek Derneği Yeni"}
			return orgs.UpdateOrganization(ctx, &changed)
		}},
		{"delete", func(ctx context.Context) error {
			return orgs.DeleteOrganization(ctx, o.Slug, o.Version)
		}},
		{"save token", func(ctx context.Context) error {
			return orgs.SaveToken(ctx, cso.Token{Hash: strings.Repeat("cd", 32),
				OrganizationID: o.ID})
		}},
		{"look up token", func(ctx context.Context) error {
			_, err := orgs.TokenOrganizationID(ctx, token.Hash)
			return err
		}},
		{"delete tokens", func(ctx context.Context) error {
			_, err := orgs.DeleteTokens(ctx, o.ID)
			return err
		}},
		{"create several", func(ctx context.Context) error {
			return orgs.(cso.BulkCreator).CreateOrganizations(ctx,
				[]*cso.Organization{newOrg()})
		}},
		{"organizations by keys", func(ctx context.Context) error {
			_, err := orgs.(cso.KeyFinder).OrganizationsByKeys(ctx,
				[]string{o.Slug}, []string{o.RegistryID})
			return err
		}},
		{"atomically", func(ctx context.Context) error {
			return orgs.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
				_, err := tx.Organization(ctx, o.Slug)
				return err
			})
		}},
		{"run in transaction", func(ctx context.Context) error {
			return db.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
				var n int
				return tx.NewSelect().TableExpr("organizations").
					ColumnExpr("count(*)").Scan(ctx, &n)
			})
		}},
	}
}

// openRemovableDB opens a new database of the dialect and returns it with
// a function that takes the database away while the DB stays open.
func openRemovableDB(t *testing.T, dialect string) (*store.DB, func()) {
	t.Helper()
	ctx := context.Background()

	if dialect == store.DialectSQLite {
		dir := filepath.Join(t.TempDir(), "data")
		require.NoError(t, os.Mkdir(dir, 0o700))
		db, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "musterek.db"))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })

		return db, func() {
			// Without idle connections, each query opens the file anew.
			db.Bun().SetMaxIdleConns(0)
			require.NoError(t, os.RemoveAll(dir))
		}
	}

	dsn, drop := storetest.NewPostgresDatabase(t, os.Getenv(storetest.PostgresEnv))
	db, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db, drop
}

// TestOpenUnreachablePostgres opens a PostgreSQL DSN whose port nobody
// listens on.
func TestOpenUnreachablePostgres(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := ln.Addr().String()
	require.NoError(t, ln.Close())

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = store.Open(ctx, "postgres://musterek@"+closed+"/musterek")

	assert.ErrorIs(t, err, store.ErrUnavailable)
	var connectErr *pgconn.ConnectError
	assert.ErrorAs(t, err, &connectErr, "the driver's error stays in the chain")
}
