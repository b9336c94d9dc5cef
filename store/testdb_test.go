package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// This file is compiled into the package only for its tests, and the
// tests of package store_test use it too.

// PostgresEnv names the variable holding the DSN of a PostgreSQL server
// the tests may use; without it they run on SQLite only.
const PostgresEnv = "MUSTEREK_TEST_POSTGRES"

// DialectsUnderTest returns the databases the tests run on.
func DialectsUnderTest(t testing.TB) []string {
	t.Helper()
	if os.Getenv(PostgresEnv) == "" {
		t.Logf("%s is not set: testing SQLite only", PostgresEnv)
		return []string{DialectSQLite}
	}
	return []string{DialectSQLite, DialectPostgres}
}

// OpenTestDB opens an empty database of the dialect that lives as long
// as the test.
func OpenTestDB(t testing.TB, dialect string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(context.Background(), DSNForTest(t, dialect), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, db.Close()) })
	return db
}

// DSNForTest returns the DSN of an empty database: a new SQLite file, or a
// new schema of the PostgreSQL test database, dropped after the test.
func DSNForTest(t testing.TB, dialect string) string {
	t.Helper()
	if dialect == DialectSQLite {
		return "sqlite:" + filepath.Join(t.TempDir(), "musterek.db")
	}

	base := os.Getenv(PostgresEnv)
	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	t.Cleanup(func() { _ = admin.Close() })

	schema := "t_" + randomHex(t, 8)
	_, err = admin.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		require.NoError(t, err)
	})

	u, err := url.Parse(base)
	require.NoError(t, err)
	query := u.Query()
	query.Set("search_path", schema)
	u.RawQuery = query.Encode()
	return u.String()
}

func randomHex(t testing.TB, n int) string {
	t.Helper()
	b := make([]byte, n)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}
