package store_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bulkOrgs is more organizations than one batch of CreateOrganizations
// holds, so that a call spans several.
const bulkOrgs = 1100

// bulkOrg returns the i-th of a set of organizations that differ in
// every way the rows they are stored in can differ.
func bulkOrg(i int) *cso.Organization {
	words := []string{"Çocuk", "Kadın", "Göç", "Hukuk", "Sağlık", "Işık"}
	areas, groups := cso.ServiceAreas(), cso.TargetGroups()
	o := &cso.Organization{
		Slug: fmt.Sprintf("kurulus-%04d", i),
		Name: cso.Text{"tr": fmt.Sprintf("%s %s Derneği %d",
			words[i%6], words[i/6%6], i)},
		Kind:        cso.KindAssociation,
		Status:      cso.StatusActive,
		Description: cso.Text{"tr": "Ücretsiz destek " + words[i%5]},
	}

	if i%7 == 0 { // a backslash before "u0000" and before a quote
		o.Description["en"] = `C:\u0000 \' dosya`
	}
	if i%3 == 0 {
		o.RegistryID = fmt.Sprintf("34-%03d-%03d", i%1000, i/1000+100)
		o.Name["en"] = fmt.Sprintf("Association %d", i)
		o.Phones = []string{fmt.Sprintf("+90212555%04d", i)}
	}
	if i%4 == 0 {
		o.Name["ar"] = "جمعية الأمل"
		o.SocialLinks = []string{"https://social.example.org/" + o.Slug}
		verified := time.Date(2026, 3, 14, 9, 30, i, 0, time.UTC)
		o.LastVerified = &verified
	}
	if i%5 != 0 {
		off := cso.Office{Address: "Cad. " + fmt.Sprint(i), Province: 1 + i%81}
		if i%2 == 0 {
			off.Location = &cso.Coordinates{Lat: 41.01, Lon: 28.97}
		}
		o.Offices = append(o.Offices, off,
			cso.Office{Address: "Gizli", Province: 6, Confidential: true})
	}
	for s := range i % 3 {
		o.Services = append(o.Services, cso.Service{
			Name:         cso.Text{"tr": "Hizmet " + words[s]},
			Areas:        []string{areas[(i+s)%len(areas)].Code},
			TargetGroups: []string{groups[i%len(groups)].Code},
			Languages:    []string{[]string{"ar", "fa", "tr"}[i%3]},
			Provinces:    []int{1 + i%81, 34},
		})
	}
	return o
}

func TestCreateOrganizationsWritesWhatCreateOrganizationWrites(t *testing.T) {
	ctx := context.Background()
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			one := store.OpenTestDB(t, dialect)
			bulk := store.OpenTestDB(t, dialect)

			var orgs []*cso.Organization
			for i := range bulkOrgs {
				require.NoError(t, one.Organizations().CreateOrganization(ctx, bulkOrg(i)))
				orgs = append(orgs, bulkOrg(i))
			}
			bc, ok := bulk.Organizations().(cso.BulkCreator)
			require.True(t, ok, "the store must be a cso.BulkCreator")
			require.NoError(t, bc.CreateOrganizations(ctx, orgs))

			for _, table := range dataTables(t, one) {
				assertSameLines(t, tableContents(t, one, table),
					tableContents(t, bulk, table), table)
			}
			if dialect == store.DialectSQLite {
				assertSearchIndexIntact(t, bulk)
			}
			assertSameSearches(t, one.Organizations(), bulk.Organizations())

			got, err := bulk.Organizations().Organization(ctx, bulkOrg(7).Slug)
			require.NoError(t, err)
			assert.Equal(t, `C:\u0000 \' dosya`, got.Description["en"])
		})
	}
}

// dataTables names the tables that hold organizations: every table but
// the migrations' and the settings, and on SQLite the tables inside a
// full-text index, whose layout depends on how rows were batched.
func dataTables(t *testing.T, db *store.DB) []string {
	t.Helper()
	query := `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	if db.Dialect() == store.DialectSQLite {
		query = `SELECT name FROM sqlite_master WHERE type = 'table'
			AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND NOT EXISTS (
				SELECT 1 FROM sqlite_master v
				WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
				AND sqlite_master.name LIKE v.name || '\_%' ESCAPE '\')`
	}

	var tables []string
	require.NoError(t, db.Bun().NewRaw(query).Scan(context.Background(), &tables))
	tables = slices.DeleteFunc(tables, func(name string) bool {
		return strings.HasPrefix(name, "bun_") ||
			strings.HasPrefix(name, "sqlite_") || name == "settings"
	})
	require.Contains(t, tables, "organizations")
	return tables
}

// tableContents returns the rows of a table as sorted lines, with the
// IDs of organizations replaced by their slugs and without the times
// the store sets.
func tableContents(t *testing.T, db *store.DB, table string) []string {
	t.Helper()
	ctx := context.Background()

	slugs := map[string]string{}
	var ids []struct {
		ID   int64
		Slug string
	}
	require.NoError(t, db.Bun().NewRaw("SELECT id, slug FROM organizations").
		Scan(ctx, &ids))
	for _, row := range ids {
		slugs[fmt.Sprint(row.ID)] = row.Slug
	}

	rows, err := db.Bun().QueryContext(ctx, "SELECT * FROM "+table)
	require.NoError(t, err)
	defer rows.Close()
	columns, err := rows.Columns()
	require.NoError(t, err)

	var lines []string
	for rows.Next() {
		values := make([]any, len(columns))
		ptrs := make([]any, len(columns))
		for i := range values {
			ptrs[i] = &values[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		lines = append(lines, rowLine(columns, values, slugs))
	}
	require.NoError(t, rows.Err())
	slices.Sort(lines)
	return lines
}

// assertSameLines reports the first few lines that only one of two
// sorted tables holds.
func assertSameLines(t *testing.T, want, got []string, table string) {
	t.Helper()
	var missing, extra []string
	for i, j := 0, 0; i < len(want) || j < len(got); {
		switch {
		case j == len(got) || i < len(want) && want[i] < got[j]:
			missing = append(missing, want[i])
			i++
		case i == len(want) || got[j] < want[i]:
			extra = append(extra, got[j])
			j++
		default:
			i, j = i+1, j+1
		}
	}
	assert.Empty(t, missing[:min(len(missing), 5)], "table %s lacks rows", table)
	assert.Empty(t, extra[:min(len(extra), 5)], "table %s has other rows", table)
	assert.Equal(t, len(want), len(got), "rows in table %s", table)
}

// rowLine writes one row as column=value pairs.
func rowLine(columns []string, values []any, slugs map[string]string) string {
	var b strings.Builder
	for i, column := range columns {
		if column == "created_at" || column == "updated_at" {
			continue
		}

		v := values[i]
		if raw, ok := v.([]byte); ok {
			v = fmt.Sprintf("%x", raw)
		}
		s := fmt.Sprint(v)
		if slug, ok := slugs[s]; ok &&
			(column == "id" || column == "organization_id") {
			s = slug
		}
		fmt.Fprintf(&b, "%s=%s ", column, s)
	}
	return b.String()
}

// assertSearchIndexIntact has SQLite check that every full-text index
// holds exactly the words of its rows.
func assertSearchIndexIntact(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()

	var indexes []string
	require.NoError(t, db.Bun().NewRaw(`SELECT name FROM sqlite_master
		WHERE sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'`).Scan(ctx, &indexes))
	require.NotEmpty(t, indexes)
	for _, index := range indexes {
		_, err := db.Bun().ExecContext(ctx, fmt.Sprintf(
			"INSERT INTO %[1]s (%[1]s) VALUES ('integrity-check')", index))
		assert.NoError(t, err, "index %s", index)
	}
}

// assertSameSearches runs the same searches on both stores.
func assertSameSearches(t *testing.T, want, got cso.Store) {
	t.Helper()
	queries := []cso.Query{
		{Text: "cocuk"},
		{Text: "kad"},
		{Text: "hukuk sağlık"},
		{Text: "الأمل"},
		{Province: 34, Limit: 100},
		{ServiceArea: cso.ServiceAreas()[0].Code},
		{TargetGroup: cso.TargetGroups()[1].Code, Language: "fa"},
		{Text: "ışık", Province: 7},
	}
	for _, q := range queries {
		q.Normalize()
		w, err := want.Search(context.Background(), q)
		require.NoError(t, err)
		g, err := got.Search(context.Background(), q)
		require.NoError(t, err)

		require.Equal(t, w.Total, g.Total, "query %+v", q)
		assert.NotZero(t, w.Total, "query %+v finds nothing", q)
		assert.Equal(t, searchSlugs(w), searchSlugs(g), "query %+v", q)
	}
}

func searchSlugs(res *cso.SearchResult) []string {
	slugs := make([]string, len(res.Items))
	for i, o := range res.Items {
		slugs[i] = o.Slug
	}
	return slugs
}

func TestCreateOrganizationsSetsWhatTheStoreManages(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 3, 10, 0, 0, 123456789, time.UTC)
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			db := store.OpenTestDB(t, dialect, store.WithClock(func() time.Time { return now }))
			s := db.Organizations()
			orgs := []*cso.Organization{bulkOrg(1), bulkOrg(2), bulkOrg(3)}
			require.NoError(t, s.(cso.BulkCreator).CreateOrganizations(ctx, orgs))

			stored := now.Truncate(time.Microsecond)
			for _, o := range orgs {
				assert.Equal(t, 1, o.Version)
				assert.Equal(t, stored, o.CreatedAt)
				assert.Equal(t, stored, o.UpdatedAt)

				got, err := s.Organization(ctx, o.Slug)
				require.NoError(t, err)
				assert.Equal(t, o.ID, got.ID, "slug %s", o.Slug)
				assert.Equal(t, o.Name, got.Name)
			}
			assert.NotEqual(t, orgs[0].ID, orgs[1].ID)
		})
	}
}

func TestCreateOrganizationsCreatesAllOrNone(t *testing.T) {
	ctx := context.Background()
	// A stored organization holds slug "eski" and registry identifier
	// 34-000-100. The bad organization comes after bulkOrgs-1 good ones, in the last
	// batch. bulkOrg(4001) has no registry identifier.
	cases := []struct {
		name  string
		bad   *cso.Organization
		field string
		value string
	}{
		{"slug stored", withSlug(bulkOrg(4001), "eski"), "slug", "eski"},
		{"registry identifier stored", withSlug(bulkOrg(0), "baska"),
			"registry_id", "34-000-100"},
		{"slug given twice", withSlug(bulkOrg(4001), "kurulus-0001"),
			"slug", "kurulus-0001"},
		{"registry identifier given twice", withSlug(bulkOrg(3), "baska"),
			"registry_id", "34-003-100"},
	}
	for _, dialect := range storetest.Dialects(t) {
		for _, tc := range cases {
			t.Run(dialect+"/"+tc.name, func(t *testing.T) {
				s := store.OpenTestDB(t, dialect).Organizations()
				stored := withSlug(bulkOrg(0), "eski")
				require.NoError(t, s.CreateOrganization(ctx, stored))

				var orgs []*cso.Organization
				for i := 1; i < bulkOrgs; i++ {
					orgs = append(orgs, bulkOrg(i))
				}
				orgs = append(orgs, tc.bad)

				err := s.(cso.BulkCreator).CreateOrganizations(ctx, orgs)
				var dup *cso.DuplicateError
				require.ErrorAs(t, err, &dup)
				assert.Equal(t, tc.field, dup.Field)
				assert.Equal(t, tc.value, dup.Value)
				assert.ErrorIs(t, err, cso.ErrDuplicate)

				res, err := s.Search(ctx, cso.Query{Limit: 1})
				require.NoError(t, err)
				assert.Equal(t, 1, res.Total)
			})
		}
	}
}

func withSlug(o *cso.Organization, slug string) *cso.Organization {
	c := *o
	c.Slug = slug
	return &c
}

func TestCreateOrganizationsJoinsTheTransaction(t *testing.T) {
	ctx := context.Background()
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			s := store.OpenTestDB(t, dialect).Organizations()
			refusal := fmt.Errorf("refused")

			err := s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
				bc, ok := tx.(cso.BulkCreator)
				require.True(t, ok, "the store inside Atomically must be a cso.BulkCreator")
				require.NoError(t, bc.CreateOrganizations(ctx,
					[]*cso.Organization{bulkOrg(1), bulkOrg(2)}))
				return refusal
			})
			require.ErrorIs(t, err, refusal)

			_, err = s.Organization(ctx, "kurulus-0001")
			assert.ErrorIs(t, err, cso.ErrNotFound)
		})
	}
}

func TestOrganizationsByKeys(t *testing.T) {
	ctx := context.Background()
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			s := store.OpenTestDB(t, dialect).Organizations()
			var orgs []*cso.Organization
			for i := range 4 {
				o := bulkOrg(i) // 0 and 3 hold registry identifiers
				require.NoError(t, s.CreateOrganization(ctx, o))
				orgs = append(orgs, o)
			}

			kf, ok := s.(cso.KeyFinder)
			require.True(t, ok, "the store must be a cso.KeyFinder")
			found, err := kf.OrganizationsByKeys(ctx,
				[]string{"kurulus-0000", "kurulus-0002", "yok"},
				[]string{"34-000-100", "34-003-100", "6-1-1"})
			require.NoError(t, err)

			slices.SortFunc(found, func(a, b *cso.Organization) int {
				return strings.Compare(a.Slug, b.Slug)
			})
			require.Len(t, found, 3)
			for i, want := range []*cso.Organization{orgs[0], orgs[2], orgs[3]} {
				got := found[i]
				assert.Equal(t, want.Slug, got.Slug)
				assert.Equal(t, want.ID, got.ID, "slug %s", want.Slug)
				assert.Equal(t, want.RegistryID, got.RegistryID, "slug %s", want.Slug)
				assert.Equal(t, want.Name, got.Name, "slug %s", want.Slug)
				assert.Equal(t, want.Offices, got.Offices, "slug %s", want.Slug)
				assert.Equal(t, want.Services, got.Services, "slug %s", want.Slug)
				assert.Equal(t, 1, got.Version)
			}
		})
	}
}

func TestCreateOrganizationsLeavesSQLiteSettingsAsTheyWere(t *testing.T) {
	ctx := context.Background()
	db := store.OpenTestDB(t, store.DialectSQLite)
	db.Bun().DB.SetMaxOpenConns(1) // so that every statement sees one connection

	// Connections are opened with a 32 MiB cache (cache_size is in KiB
	// when negative).
	var before int
	require.NoError(t, db.Bun().QueryRowContext(ctx, "PRAGMA cache_size").Scan(&before))
	require.Equal(t, -32768, before)

	orgs := []*cso.Organization{bulkOrg(1), bulkOrg(2)}
	require.NoError(t, db.Organizations().(cso.BulkCreator).CreateOrganizations(ctx, orgs))

	var after int
	require.NoError(t, db.Bun().QueryRowContext(ctx, "PRAGMA cache_size").Scan(&after))
	assert.Equal(t, before, after)
}

func TestCreateOrganizationsNeverReusesIDs(t *testing.T) {
	ctx := context.Background()
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			s := store.OpenTestDB(t, dialect).Organizations()
			first, last := bulkOrg(1), bulkOrg(2)
			require.NoError(t, s.CreateOrganization(ctx, first))
			require.NoError(t, s.CreateOrganization(ctx, last))
			require.NoError(t, s.DeleteOrganization(ctx, last.Slug, 0))

			// IDs go on from the largest ever given, deleted or not,
			// whichever way an organization is created.
			bulk := []*cso.Organization{bulkOrg(3), bulkOrg(4)}
			require.NoError(t, s.(cso.BulkCreator).CreateOrganizations(ctx, bulk))
			next := bulkOrg(5)
			require.NoError(t, s.CreateOrganization(ctx, next))

			assert.Equal(t, last.ID+1, bulk[0].ID)
			assert.Equal(t, last.ID+2, bulk[1].ID)
			assert.Equal(t, last.ID+3, next.ID)
		})
	}
}

// TestCreateOrganizationsLogsNoValues logs every statement of a bulk
// create and checks that the statements are named but their values
// appear nowhere.
func TestCreateOrganizationsLogsNoValues(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			var buf bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&buf,
				&slog.HandlerOptions{Level: slog.LevelDebug}))
			s := store.OpenTestDB(t, dialect, store.WithLogger(logger)).Organizations()

			o := bulkOrg(3) // with a registry identifier
			o.Services = bulkOrg(5).Services
			o.Email = "ayse.yilmaz@example.org"
			o.Offices = []cso.Office{{Address: "Gizli Sokak 13", Province: 34}}
			require.NoError(t, s.(cso.BulkCreator).CreateOrganizations(
				context.Background(), []*cso.Organization{o}))

			log := buf.String()
			for _, table := range []string{"organizations", "organization_details"} {
				assert.Contains(t, log, "store: insert "+table)
			}
			for _, secret := range []string{
				"ayse.yilmaz", "Gizli Sokak", "kurulus-0003", "34-003-100",
			} {
				assert.NotContains(t, log, secret)
			}
		})
	}
}

func TestCreateOrganizationsSplitsLongStatements(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			var buf bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&buf,
				&slog.HandlerOptions{Level: slog.LevelDebug}))
			s := store.OpenTestDB(t, dialect, store.WithLogger(logger)).Organizations()

			// Each description takes 5 MiB, more than half of the 8 MiB
			// a statement may take: each organization needs a statement
			// of its own.
			long := strings.Repeat("uzun ", 1<<20)
			orgs := []*cso.Organization{bulkOrg(1), bulkOrg(2), bulkOrg(3)}
			for _, o := range orgs {
				o.Description = cso.Text{"tr": long}
			}
			require.NoError(t, s.(cso.BulkCreator).CreateOrganizations(
				context.Background(), orgs))

			assert.Equal(t, 3, strings.Count(buf.String(), "store: insert organizations"))
			for _, o := range orgs {
				got, err := s.Organization(context.Background(), o.Slug)
				require.NoError(t, err)
				assert.Len(t, got.Description["tr"], len(long), "slug %s", o.Slug)
			}
		})
	}
}
