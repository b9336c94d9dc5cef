package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/uptrace/bun"
)

// Names of the PostgreSQL advisory locks that processes sharing a
// schema take turns with.
const (
	migrationsLock         = "musterek.store.migrations"
	organizationWritesLock = "musterek.store.organization-writes"
)

// advisoryLockID is the SQL for the number of the advisory lock whose
// name is its argument. Advisory locks belong to the whole database, so
// the number is made from the name and the schema the connection works
// in: directories kept in different schemas of one database never wait
// for each other.
const advisoryLockID = "hashtext(coalesce(current_schema(), '') || '/' || ?)"

// withAdvisoryLock runs fn while this process holds the PostgreSQL
// advisory lock named key in its schema, waiting for other processes
// that hold it. The lock is held by a connection of its own, which fn
// gets: a transaction fn begins on it starts only once the lock is held,
// so its snapshot sees what the previous holder committed.
func (db *DB) withAdvisoryLock(ctx context.Context, key string, fn func(conn bun.Conn) error) error {
	conn, err := db.bun.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: lock %s: %w", key, err)
	}
	defer conn.Close()

	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+advisoryLockID+")", key); err != nil {
		return fmt.Errorf("store: lock %s: %w", key, err)
	}
	defer func() {
		_, err := conn.ExecContext(context.WithoutCancel(ctx),
			"SELECT pg_advisory_unlock("+advisoryLockID+")", key)
		if err != nil {
			// A connection that may still hold the lock must not go back
			// to the pool: closing it ends its session and the lock.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	return fn(conn)
}
