package store

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// storedBitmaps returns the rows of facet_bitmaps by token and chunk,
// as 1,024 bytes each, without the chunks whose bits are all zero. On
// PostgreSQL the bytes are those of the bit string as PostgreSQL sends
// it, after its length.
func storedBitmaps(t *testing.T, db *DB) map[string]map[int64][]byte {
	t.Helper()
	column := "bits"
	if db.dialect == DialectPostgres {
		column = "substring(varbit_send(bits) from 5)"
	}
	rows, err := db.bun.QueryContext(context.Background(),
		"SELECT token, chunk, "+column+" FROM facet_bitmaps")
	require.NoError(t, err)
	defer rows.Close()

	got := make(map[string]map[int64][]byte)
	for rows.Next() {
		var token string
		var chunk int64
		var bits []byte
		require.NoError(t, rows.Scan(&token, &chunk, &bits))
		require.Len(t, bits, 1024, "the bits of %s, chunk %d", token, chunk)
		if bytes.Count(bits, []byte{0}) == len(bits) {
			continue
		}

		if got[token] == nil {
			got[token] = make(map[int64][]byte)
		}
		got[token][chunk] = bits
	}
	require.NoError(t, rows.Err())
	return got
}

// keyBitmaps returns the bitmaps that the stored facet keys make, by
// token and chunk: organization id is bit id % 8192 of chunk id / 8192,
// and a chunk's first bit is the high bit of its first byte.
func keyBitmaps(t *testing.T, db *DB) map[string]map[int64][]byte {
	t.Helper()
	rows, err := db.bun.QueryContext(context.Background(),
		"SELECT id, facet_key FROM organizations")
	require.NoError(t, err)
	defer rows.Close()

	want := make(map[string]map[int64][]byte)
	for rows.Next() {
		var id int64
		var key string
		require.NoError(t, rows.Scan(&id, &key))

		chunk, n := id/8192, id%8192
		for _, token := range strings.Split(key, " ") {
			if token == "" {
				continue
			}
			if want[token] == nil {
				want[token] = make(map[int64][]byte)
			}
			if want[token][chunk] == nil {
				want[token][chunk] = make([]byte, 1024)
			}
			want[token][chunk][n/8] |= 1 << (7 - n%8)
		}
	}
	require.NoError(t, rows.Err())
	return want
}

// assertBitmapsMatchKeys asserts that facet_bitmaps holds the bits of the
// stored facet keys, no more and no fewer.
func assertBitmapsMatchKeys(t *testing.T, db *DB) {
	t.Helper()
	assert.Equal(t, keyBitmaps(t, db), storedBitmaps(t, db))
}

// chunkWith returns 1,024 bytes of zeros but those given by position.
func chunkWith(set map[int]byte) []byte {
	bits := make([]byte, 1024)
	for at, b := range set {
		bits[at] = b
	}
	return bits
}

// moveIDsTo makes the next organization ID last + 1.
func moveIDsTo(t *testing.T, db *DB, last int64) {
	t.Helper()
	query := "UPDATE sqlite_sequence SET seq = ? WHERE name = 'organizations'"
	if db.dialect == DialectPostgres {
		query = "SELECT setval(pg_get_serial_sequence('organizations', 'id'), ?)"
	}
	_, err := db.bun.ExecContext(context.Background(), query, last)
	require.NoError(t, err)
}

// TestFacetBitmapsFollowWrites creates organizations one by one and in
// bulk, across the end of the first chunk, updates one, deletes one, and
// fails writes that roll back: after each step facet_bitmaps holds the
// bits of the stored facet keys, and the bits of İstanbul those of the
// organizations the test put there.
func TestFacetBitmapsFollowWrites(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()
			istanbul := func() map[int64][]byte {
				return storedBitmaps(t, db)["#province=34"]
			}

			// IDs 1 to 4: İstanbul, Ankara, İstanbul, İzmir.
			for i, province := range []int{34, 6, 34, 35} {
				o := filterOrg{province, "health", cso.StatusActive}.organization(i)
				require.NoError(t, s.CreateOrganization(ctx, o))
				require.Equal(t, int64(i+1), o.ID)
			}
			assertBitmapsMatchKeys(t, db)
			assert.Equal(t, map[int64][]byte{0: chunkWith(map[int]byte{0: 0x50})}, istanbul())

			// IDs 8190 to 8193: İzmir, İstanbul, İstanbul, Ankara.
			moveIDsTo(t, db, 8189)
			var bulk []*cso.Organization
			for i, province := range []int{35, 34, 34, 6} {
				bulk = append(bulk, filterOrg{province, "legal_counseling", cso.StatusActive}.organization(10+i))
			}
			require.NoError(t, s.(cso.BulkCreator).CreateOrganizations(ctx, bulk))
			require.Equal(t, int64(8190), bulk[0].ID)
			assertBitmapsMatchKeys(t, db)
			assert.Equal(t, map[int64][]byte{
				0: chunkWith(map[int]byte{0: 0x50, 1023: 0x01}),
				1: chunkWith(map[int]byte{0: 0x80}),
			}, istanbul())

			// ID 3 moves to Ankara, to another area, and closes.
			o, err := s.Organization(ctx, "kurum-002")
			require.NoError(t, err)
			o.Services[0].Provinces = []int{6}
			o.Services[0].Areas = []string{"legal_counseling"}
			o.Status = cso.StatusClosed
			require.NoError(t, s.UpdateOrganization(ctx, o))
			assertBitmapsMatchKeys(t, db)
			assert.Equal(t, map[int64][]byte{
				0: chunkWith(map[int]byte{0: 0x40, 1023: 0x01}),
				1: chunkWith(map[int]byte{0: 0x80}),
			}, istanbul())
			assert.Equal(t, map[int64][]byte{0: chunkWith(map[int]byte{0: 0x10})},
				storedBitmaps(t, db)["#status=closed"])

			require.NoError(t, s.DeleteOrganization(ctx, "kurum-011", 0)) // ID 8191
			assertBitmapsMatchKeys(t, db)
			assert.Equal(t, map[int64][]byte{
				0: chunkWith(map[int]byte{0: 0x40}),
				1: chunkWith(map[int]byte{0: 0x80}),
			}, istanbul())

			before := storedBitmaps(t, db)
			err = s.(cso.BulkCreator).CreateOrganizations(ctx, []*cso.Organization{
				filterOrg{34, "health", cso.StatusActive}.organization(20),
				filterOrg{81, "health", cso.StatusActive}.organization(0), // stored
			})
			require.ErrorIs(t, err, cso.ErrDuplicate)
			assert.Equal(t, before, storedBitmaps(t, db))

			undo := errors.New("undo")
			err = s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
				return rolledBackWrites(ctx, tx, undo)
			})
			require.ErrorIs(t, err, undo)
			assert.Equal(t, before, storedBitmaps(t, db))
			assertBitmapsMatchKeys(t, db)
		})
	}
}

// rolledBackWrites creates, updates and deletes organizations through
// tx, then returns undo, or the error of a write that failed.
func rolledBackWrites(ctx context.Context, tx cso.Store, undo error) error {
	o := filterOrg{34, "health", cso.StatusActive}.organization(21)
	if err := tx.CreateOrganization(ctx, o); err != nil {
		return err
	}
	if err := tx.(cso.BulkCreator).CreateOrganizations(ctx, []*cso.Organization{
		filterOrg{34, "health", cso.StatusActive}.organization(22),
		filterOrg{6, "health", cso.StatusInactive}.organization(23),
	}); err != nil {
		return err
	}

	first, err := tx.Organization(ctx, "kurum-000")
	if err != nil {
		return err
	}
	first.Services[0].Provinces = []int{81}
	if err := tx.UpdateOrganization(ctx, first); err != nil {
		return err
	}
	if err := tx.DeleteOrganization(ctx, "kurum-012", 0); err != nil {
		return err
	}
	return undo
}

// TestFacetBitmapsFilledOnOpen empties facet_bitmaps of a SQLite
// database, puts rows there that no organization holds, in a chunk it
// holds, one between and one after, and forgets the version of the
// bitmaps: opening the database makes them anew from the facet keys.
// With the version kept, opening leaves the rows alone.
func TestFacetBitmapsFilledOnOpen(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t, DialectSQLite)
	db, err := Open(ctx, dsn)
	require.NoError(t, err)
	s := db.Organizations()

	// IDs 1, 2 and 20001, the 3,618th of chunk 2.
	for i, province := range []int{34, 6, 34} {
		if i == 2 {
			moveIDsTo(t, db, 20000)
		}
		o := filterOrg{province, "health", cso.StatusActive}.organization(i)
		require.NoError(t, s.CreateOrganization(ctx, o))
	}

	const stale = "INSERT OR REPLACE INTO facet_bitmaps (token, chunk, bits) VALUES " +
		"('#province=6', 0, randomblob(1024)), " +
		"('#province=34', 1, randomblob(1024)), " +
		"('#province=34', 7, randomblob(1024))"
	exec(t, db, "DELETE FROM facet_bitmaps")
	exec(t, db, stale)
	exec(t, db, "DELETE FROM settings WHERE key = 'facet_bitmaps_version'")
	require.NoError(t, db.Close())

	db = openTestDBAt(t, dsn)
	assertBitmapsMatchKeys(t, db)
	assert.Equal(t, map[int64][]byte{
		0: chunkWith(map[int]byte{0: 0x40}),
		2: chunkWith(map[int]byte{452: 0x40}),
	}, storedBitmaps(t, db)["#province=34"])
	version, err := db.storedVersion(ctx, "facet_bitmaps_version", 0)
	require.NoError(t, err)
	assert.Equal(t, 1, version)

	exec(t, db, stale)
	require.NoError(t, db.Close())
	db = openTestDBAt(t, dsn)
	assert.ElementsMatch(t, []int64{0, 1, 2, 7},
		slices.Collect(maps.Keys(storedBitmaps(t, db)["#province=34"])))
}

// openTestDBAt opens the database at dsn for as long as the test lives.
func openTestDBAt(t *testing.T, dsn string) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, db.Close()) })
	return db
}

// TestFacetBitmapsFollowSearchKeysRebuild gives organizations the facet
// keys of version 1 of the search keys, without the base language of
// their services' "ar-SY", and bitmaps that match them, and migrates
// again: the rebuild of the keys sets the bits of "ar" for all of them.
func TestFacetBitmapsFollowSearchKeysRebuild(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)

			createKeysOrgs(t, db) // IDs 1 to 1005
			setKeysOfVersion1(t, db)
			assertBitmapsMatchKeys(t, db)
			assert.NotContains(t, storedBitmaps(t, db), "#language=ar")

			require.NoError(t, db.migrate(ctx))
			assertBitmapsMatchKeys(t, db)
			ar := map[int]byte{0: 0x7f, 125: 0xfc}
			for at := 1; at < 125; at++ {
				ar[at] = 0xff
			}
			assert.Equal(t, map[int64][]byte{0: chunkWith(ar)},
				storedBitmaps(t, db)["#language=ar"])
		})
	}
}
