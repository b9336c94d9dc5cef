package store

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun/migrate"
)

// TestMigrationsRollBack undoes every migration, checks that the tables
// are gone, and applies them again.
func TestMigrationsRollBack(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)

			migrations, err := db.migrations()
			require.NoError(t, err)
			m := migrate.NewMigrator(db.bun, migrations,
				migrate.WithMarkAppliedOnSuccess(true))

			group, err := m.Rollback(ctx)
			require.NoError(t, err)
			want := map[string][]string{
				DialectSQLite: {
					"20261203000001", "20261203000002", "20261204000001",
					"20261205000001", "20261206000001", "20261207000001",
				},
				DialectPostgres: {
					"20261203000001", "20261203000002", "20261203000003",
					"20261204000001", "20261204000002", "20261205000001",
					"20261205000002", "20261206000001",
				},
			}
			assert.ElementsMatch(t, want[dialect], migrationNames(group))
			assert.False(t, tableExists(t, db, "organizations"))
			assert.False(t, tableExists(t, db, "settings"))
			assert.False(t, tableExists(t, db, serviceTable[dialect]))
			assert.False(t, tableExists(t, db, "facet_bitmaps"))

			require.NoError(t, db.migrate(ctx))
			assert.True(t, tableExists(t, db, "organizations"))
			assert.True(t, tableExists(t, db, "organization_tokens"))
			assert.True(t, tableExists(t, db, serviceTable[dialect]))
			assert.True(t, tableExists(t, db, "facet_bitmaps"))
		})
	}
}

// serviceTable names the table of the keys of services in each dialect.
var serviceTable = map[string]string{
	DialectSQLite:   "service_search",
	DialectPostgres: "service_facets",
}

func migrationNames(g *migrate.MigrationGroup) []string {
	var names []string
	for _, m := range g.Migrations {
		names = append(names, m.Name)
	}
	return names
}

// tableExists reports whether a table can be read.
func tableExists(t *testing.T, db *DB, table string) bool {
	t.Helper()
	_, err := db.bun.ExecContext(context.Background(),
		"SELECT 1 FROM "+table+" WHERE 1 = 0")
	return err == nil
}
