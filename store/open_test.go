package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenRejectsBadDSN(t *testing.T) {
	tests := []struct {
		dsn  string
		want string
	}{
		{"", "store: empty DSN"},
		{"sqlite:", "store: sqlite DSN needs a file path"},
		{"mysql://root:secret@localhost/db", "unknown DSN scheme"},
		{"musterek.db", "unknown DSN scheme"},
		{"sqlite:data.db?mode=ro", "may not hold ? or #"},
	}
	for _, tt := range tests {
		_, err := store.Open(context.Background(), tt.dsn)
		assert.ErrorContains(t, err, tt.want, "DSN %q", tt.dsn)
	}

	_, err := store.Open(context.Background(), "mysql://root:secret@localhost/db")
	assert.NotContains(t, err.Error(), "secret", "the password stays out of the error")
}

func TestOpenMissingFolder(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "missing", "musterek.db")
	_, err := store.Open(context.Background(), dsn)
	assert.Error(t, err)
}

func TestDialect(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		db := store.OpenTestDB(t, dialect)
		assert.Equal(t, dialect, db.Dialect())
		assert.NoError(t, db.Ping(context.Background()))

		var one int
		require.NoError(t, db.Bun().QueryRowContext(context.Background(),
			"SELECT 1").Scan(&one))
		assert.Equal(t, 1, one)
	}
}

// TestReopen opens a database twice: the second time there is nothing to
// migrate, the data is there, and a page token of the first process is
// still valid.
func TestReopen(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, dialect)

			first, err := store.Open(ctx, dsn)
			require.NoError(t, err)
			for _, slug := range []string{"a", "b", "c"} {
				require.NoError(t, first.Organizations().CreateOrganization(ctx,
					&cso.Organization{
						Slug: slug, Name: cso.Text{"tr": "Dernek " + slug},
						Kind: cso.KindAssociation, Status: cso.StatusActive,
					}))
			}
			page, err := first.Organizations().Search(ctx, cso.Query{Limit: 2})
			require.NoError(t, err)
			require.NoError(t, first.Close())

			second, err := store.Open(ctx, dsn)
			require.NoError(t, err)
			t.Cleanup(func() { _ = second.Close() })

			next, err := second.Organizations().Search(ctx,
				cso.Query{Limit: 2, PageToken: page.NextPageToken})
			require.NoError(t, err)
			require.Len(t, next.Items, 1)
			assert.Equal(t, "c", next.Items[0].Slug)
		})
	}
}

func TestWithoutMigrations(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, dialect)

			// An empty database lacks the schema the store needs.
			_, err := store.Open(ctx, dsn, store.WithoutMigrations())
			assert.ErrorContains(t, err, "page token key")

			migrated, err := store.Open(ctx, dsn)
			require.NoError(t, err)
			require.NoError(t, migrated.Close())

			db, err := store.Open(ctx, dsn, store.WithoutMigrations())
			require.NoError(t, err)
			t.Cleanup(func() { _ = db.Close() })
			res, err := db.Organizations().Search(ctx, cso.Query{})
			require.NoError(t, err)
			assert.Equal(t, 0, res.Total)
		})
	}
}

func TestWithClock(t *testing.T) {
	ctx := context.Background()
	istanbul := time.FixedZone("TRT", 3*60*60)
	now := time.Date(2026, 12, 3, 15, 4, 5, 123456789, istanbul)
	db := store.OpenTestDB(t, store.DialectSQLite,
		store.WithClock(func() time.Time { return now }))

	o := &cso.Organization{
		Slug: "saat", Name: cso.Text{"tr": "Saat Derneği"},
		Kind: cso.KindAssociation, Status: cso.StatusActive,
	}
	require.NoError(t, db.Organizations().CreateOrganization(ctx, o))

	// Stored in UTC, to the microsecond.
	want := time.Date(2026, 12, 3, 12, 4, 5, 123456000, time.UTC)
	got, err := db.Organizations().Organization(ctx, "saat")
	require.NoError(t, err)
	assert.Equal(t, want, got.CreatedAt)
	assert.Equal(t, want, got.UpdatedAt)
	assert.Equal(t, want, o.CreatedAt)
}

// TestLogKeepsArgumentsOut logs every statement, the search among them,
// and checks that the values written and searched for appear nowhere in
// the log.
func TestLogKeepsArgumentsOut(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			var buf bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&buf,
				&slog.HandlerOptions{Level: slog.LevelDebug}))
			orgs := store.OpenTestDB(t, dialect, store.WithLogger(logger)).Organizations()

			o := &cso.Organization{
				Slug:    "ozel-dernek",
				Name:    cso.Text{"tr": "Zümrüt Dayanışma"},
				Kind:    cso.KindAssociation,
				Status:  cso.StatusActive,
				Email:   "ayse.yilmaz@example.org",
				Phones:  []string{"+905321234567"},
				Offices: []cso.Office{{Address: "Gizli Sokak 13", Province: 34}},
			}
			require.NoError(t, orgs.CreateOrganization(ctx, o))
			_, err := orgs.Organization(ctx, "ozel-dernek")
			require.NoError(t, err)
			_, err = orgs.Search(ctx, cso.Query{Text: "zümrüt"})
			require.NoError(t, err)
			require.NoError(t, orgs.SaveToken(ctx, cso.Token{
				OrganizationID: o.ID, Hash: "f00dfeed", Label: "web",
			}))
			_, err = orgs.TokenOrganizationID(ctx, "f00dfeed")
			require.NoError(t, err)

			log := buf.String()
			assert.Contains(t, log, "INSERT INTO")
			assert.Contains(t, log, "level=DEBUG")
			assert.Contains(t, log, "search_total",
				"the search statement is logged")
			for _, secret := range []string{
				"ayse.yilmaz", "905321234567", "Gizli Sokak",
				"ozel-dernek", "zumrut", "Zümrüt", "f00dfeed",
			} {
				assert.NotContains(t, log, secret)
			}
		})
	}
}
