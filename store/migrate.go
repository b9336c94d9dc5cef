package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// migrationFiles holds the schema of each dialect as timestamped up and
// down SQL files, one folder per dialect.
//
//go:embed migrations
var migrationFiles embed.FS

// migrate applies the migrations the database has not seen yet, makes
// the search keys anew if they are of an earlier version (see
// searchKeysVersion), rewrites registry identifiers stored before they
// had one form (see registryIDsVersion), and fills the facet bitmaps of
// a SQLite database that lacks them (see facetBitmapsVersion). On
// PostgreSQL, two processes that open the same database at once take
// turns, so that one does not migrate what the other is migrating.
func (db *DB) migrate(ctx context.Context) error {
	migrations, err := db.migrations()
	if err != nil {
		return err
	}

	run := func() error {
		m := migrate.NewMigrator(db.bun, migrations,
			migrate.WithMarkAppliedOnSuccess(true))
		if err := m.Init(ctx); err != nil {
			return fmt.Errorf("store: prepare migrations: %w", err)
		}
		if _, err := m.Migrate(ctx); err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
		if err := db.updateSearchKeys(ctx); err != nil {
			return err
		}
		if err := db.updateRegistryIDs(ctx); err != nil {
			return err
		}
		return db.updateFacetBitmaps(ctx)
	}
	if db.dialect != DialectPostgres {
		return run()
	}
	return db.withAdvisoryLock(ctx, migrationsLock, func(bun.Conn) error {
		return run()
	})
}

// migrations returns the migrations of the DB's dialect.
func (db *DB) migrations() (*migrate.Migrations, error) {
	dir, err := fs.Sub(migrationFiles, "migrations/"+db.dialect)
	if err != nil {
		return nil, fmt.Errorf("store: migrations of %s: %w", db.dialect, err)
	}

	ms := migrate.NewMigrations()
	if err := ms.Discover(dir); err != nil {
		return nil, fmt.Errorf("store: migrations of %s: %w", db.dialect, err)
	}
	return ms, nil
}
