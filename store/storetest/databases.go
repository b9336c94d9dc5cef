package storetest

import (
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	// The pgx driver opens the PostgreSQL test database.
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/require"
)

// PostgresEnv names the environment variable that holds the DSN of a
// PostgreSQL server the tests may use; without it they run on SQLite
// only.
const PostgresEnv = "MUSTEREK_TEST_POSTGRES"

// Dialects returns the databases tests run on: "sqlite" always, and
// "postgres" too when PostgresEnv holds a DSN. The names are those of
// store.DialectSQLite and store.DialectPostgres.
func Dialects(t testing.TB) []string {
	t.Helper()
	if os.Getenv(PostgresEnv) == "" {
		t.Logf("%s is not set: testing SQLite only", PostgresEnv)
		return []string{"sqlite"}
	}
	return []string{"sqlite", "postgres"}
}

// DSN returns the DSN of an empty database of the dialect that lives as
// long as the test: a new SQLite file in the test's temporary folder, or
// a new schema of the PostgreSQL database of PostgresEnv, dropped when
// the test ends.
func DSN(t testing.TB, dialect string) string {
	t.Helper()
	if dialect == "sqlite" {
		return "sqlite:" + filepath.Join(t.TempDir(), "musterek.db")
	}

	schema := "t_" + strings.ToLower(rand.Text())
	dsn, drop, err := NewSchema(os.Getenv(PostgresEnv), schema)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, drop()) })
	return dsn
}

// NewSchema creates the schema in the PostgreSQL database at base and
// returns a DSN whose connections work in it, with a function that drops
// the schema and all it holds. It serves tests and benchmarks whose
// databases outlive one test.
func NewSchema(base, schema string) (dsn string, drop func() error, err error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, fmt.Errorf("storetest: PostgreSQL DSN: %w", err)
	}
	query := u.Query()
	query.Set("search_path", schema)
	u.RawQuery = query.Encode()

	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, fmt.Errorf("storetest: %w", err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		_ = admin.Close()
		return "", nil, fmt.Errorf("storetest: create schema %s: %w", schema, err)
	}

	drop = func() error {
		defer admin.Close()
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			return fmt.Errorf("storetest: drop schema %s: %w", schema, err)
		}
		return nil
	}
	return u.String(), drop, nil
}

// NewPostgresDatabase creates a database on the PostgreSQL server of the
// DSN base and returns a DSN of it, with a function that drops it even
// while clients are connected, for tests of a database that goes away.
// The database is dropped when the test ends, if it still exists.
func NewPostgresDatabase(t testing.TB, base string) (dsn string, drop func()) {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })

	name := "musterek_test_" + strings.ToLower(rand.Text())
	_, err = admin.Exec("CREATE DATABASE " + name)
	require.NoError(t, err)
	drop = func() {
		_, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		require.NoError(t, err)
	}
	t.Cleanup(drop)

	u, err := url.Parse(base)
	require.NoError(t, err)
	u.Path = "/" + name
	return u.String(), drop
}
