package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/uptrace/bun/migrate"
)

// migrationFiles holds the schema of each dialect as timestamped up and
// down SQL files, one folder per dialect.
//
//go:embed migrations
var migrationFiles embed.FS

// migrate applies the migrations the database has not seen yet.
func (db *DB) migrate(ctx context.Context) error {
	migrations, err := db.migrations()
	if err != nil {
		return err
	}

	unlock, err := db.lockMigrations(ctx)
	if err != nil {
		return err
	}
	defer unlock()

	m := migrate.NewMigrator(db.bun, migrations,
		migrate.WithMarkAppliedOnSuccess(true))
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("store: prepare migrations: %w", err)
	}

	if _, err := m.Migrate(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
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

// lockMigrations keeps two processes that open the same PostgreSQL
// database at once from migrating it together. The lock is held by one
// connection for as long as the migrations run on others.
func (db *DB) lockMigrations(ctx context.Context) (unlock func(), err error) {
	if db.dialect != DialectPostgres {
		return func() {}, nil
	}

	conn, err := db.bun.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: lock migrations: %w", err)
	}

	const key = "hashtext('musterek.store.migrations')"
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+key+")"); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("store: lock migrations: %w", err)
	}

	return func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx),
			"SELECT pg_advisory_unlock("+key+")")
		_ = conn.Close()
	}, nil
}
