package store

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oldRegistryIDs are identifiers as versions before the canonical form
// stored them, by slug of keysOrg, and what opening makes of them.
var oldRegistryIDs = []struct {
	slug, stored, want string
}{
	{"kurum-000", "000123", "123"},
	{"kurum-001", "34-123-000456", "34-123-456"},
	{"kurum-002", "0789", "0789"}, // kurum-003 holds 789
	{"kurum-003", "789", "789"},
	{"kurum-004", "00555", "555"},
	{"kurum-005", "0010213577", "0010213577"}, // a wrong check digit
	{"kurum-006", "06-001-0002", "06-001-002"},
	{"kurum-1003", "0555", "0555"}, // kurum-004, in an earlier batch, got 555
	{"kurum-1004", "0042", "42"},
}

// TestRegistryIDsRewrittenOnOpening writes registry identifiers of the
// forms earlier versions stored straight into the database and opens it
// again: each is rewritten in canonical form when that form is free, and
// kept and logged otherwise. Every organization has an identifier, so
// that they take two batches.
func TestRegistryIDsRewrittenOnOpening(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, dialect)
			db := openAt(t, dsn)

			createKeysOrgs(t, db)
			exec(t, db, "UPDATE organizations SET registry_id = CAST(id + 100000 AS TEXT)")
			for _, r := range oldRegistryIDs {
				exec(t, db, "UPDATE organizations SET registry_id = ? WHERE slug = ?",
					r.stored, r.slug)
			}
			exec(t, db, "DELETE FROM settings WHERE key = ?", registryIDsSetting)

			var before int
			require.NoError(t, db.bun.QueryRowContext(ctx,
				"SELECT count(*) FROM organizations WHERE id < "+
					"(SELECT id FROM organizations WHERE slug = 'kurum-1003')").Scan(&before))
			require.GreaterOrEqual(t, before, rebuildBatch, "kurum-1003 is in the second batch")
			require.NoError(t, db.Close())

			var logs bytes.Buffer
			db = openAt(t, dsn, WithLogger(slog.New(slog.NewTextHandler(&logs,
				&slog.HandlerOptions{Level: slog.LevelWarn}))))
			for _, r := range oldRegistryIDs {
				assert.Equal(t, r.want, registryIDOf(t, db, r.slug), r.slug)
			}
			assert.Equal(t, 1, versionOf(t, db, "kurum-000"), "the organization is unchanged")

			warned := strings.Count(logs.String(), "registry identifier kept")
			assert.Equal(t, 3, warned, logs.String())
			for _, slug := range []string{"kurum-002", "kurum-005", "kurum-1003"} {
				assert.Contains(t, logs.String(), "slug="+slug)
			}

			// Canonical identifiers are as unique as they were meant to be,
			// and a kept one does not stop an edit.
			dir := cso.NewDirectory(db.Organizations())
			_, err := dir.Create(ctx, cso.Admin(), &cso.Organization{
				Name: cso.Text{"tr": "Yeni Vakıf"}, Kind: cso.KindFoundation,
				RegistryID: "0123",
			})
			assert.ErrorIs(t, err, cso.ErrDuplicate)

			kept, err := dir.Get(ctx, cso.Admin(), "kurum-002")
			require.NoError(t, err)
			kept.Email = "bilgi@example.org"
			_, err = dir.Update(ctx, cso.Admin(), "kurum-002", kept)
			require.NoError(t, err)
			assert.Equal(t, "0789", registryIDOf(t, db, "kurum-002"))

			// The rewrite runs once: an identifier written in an old form
			// later is left for its organization to settle.
			exec(t, db, "UPDATE organizations SET registry_id = '0777' WHERE slug = 'kurum-007'")
			require.NoError(t, db.Close())
			db = openAt(t, dsn)
			assert.Equal(t, "0777", registryIDOf(t, db, "kurum-007"))
		})
	}
}

// openAt opens the database at dsn, to be closed when the test ends
// unless the test closes it first.
func openAt(t *testing.T, dsn string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// exec runs a statement that must succeed.
func exec(t *testing.T, db *DB, query string, args ...any) {
	t.Helper()
	_, err := db.bun.ExecContext(context.Background(), query, args...)
	require.NoError(t, err)
}

// registryIDOf returns the stored registry identifier of the slug.
func registryIDOf(t *testing.T, db *DB, slug string) string {
	t.Helper()
	var id string
	require.NoError(t, db.bun.QueryRowContext(context.Background(),
		"SELECT registry_id FROM organizations WHERE slug = ?", slug).Scan(&id))
	return id
}

// versionOf returns the stored version of the slug's organization.
func versionOf(t *testing.T, db *DB, slug string) int {
	t.Helper()
	var version int
	require.NoError(t, db.bun.QueryRowContext(context.Background(),
		"SELECT version FROM organizations WHERE slug = ?", slug).Scan(&version))
	return version
}
