package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// uniqueViolation reports whether err is a violation of a unique
// constraint and, when the database says so, the violated column of the
// organizations table ("slug" or "registry_id").
func uniqueViolation(err error) (column string, ok bool) {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if pgErr.Code != "23505" { // unique_violation
			return "", false
		}
		switch pgErr.ConstraintName {
		case "organizations_slug_key":
			return "slug", true
		case "organizations_registry_id_key":
			return "registry_id", true
		}
		return "", true
	}

	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) {
		if liteErr.Code() != sqlite3.SQLITE_CONSTRAINT_UNIQUE {
			return "", false
		}

		// SQLite names the column only in its message, as
		// "UNIQUE constraint failed: organizations.slug".
		msg := liteErr.Error()
		switch {
		case strings.Contains(msg, "organizations.slug"):
			return "slug", true
		case strings.Contains(msg, "organizations.registry_id"):
			return "registry_id", true
		}
		return "", true
	}
	return "", false
}

// isForeignKeyViolation reports whether err is a violated foreign key.
func isForeignKeyViolation(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23503" // foreign_key_violation
	}

	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) {
		return liteErr.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	return false
}
