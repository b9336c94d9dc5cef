package store

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/require"
)

// This file is compiled into the package only for its tests, and the
// tests of package store_test use it too.

// OpenTestDB opens an empty database of the dialect that lives as long
// as the test.
func OpenTestDB(t testing.TB, dialect string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(context.Background(), storetest.DSN(t, dialect), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, db.Close()) })
	return db
}
