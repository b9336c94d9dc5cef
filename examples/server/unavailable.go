package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// unavailableRetryAfter is how long a client is asked to wait when the
// database cannot be reached: about what a restart or a failover takes.
const unavailableRetryAfter = 10 * time.Second

// errUnavailable is the answer to a request that the database could not
// serve because it cannot be reached or cannot take the request now. The
// request was not at fault, and may succeed when sent again.
var errUnavailable = &apiError{
	status:     http.StatusServiceUnavailable,
	code:       "unavailable",
	message:    "the database cannot be reached; try again later",
	retryAfter: unavailableRetryAfter,
}

// postgresUnavailable are the SQLSTATE codes, and classes of two
// characters, with which PostgreSQL says that it cannot serve now, rather
// than that the request is wrong (Appendix A of its manual).
var postgresUnavailable = []string{
	"08",    // connection exception
	"53",    // insufficient resources, such as too_many_connections
	"57P01", // admin_shutdown
	"57P02", // crash_shutdown
	"57P03", // cannot_connect_now
	"57P04", // database_dropped
	"57P05", // idle_session_timeout
	"3D000", // invalid_catalog_name: the database does not exist
}

// unavailableCause returns the error in err that says the database cannot
// be reached or cannot take the request now, or nil when err says no such
// thing. What it returns comes from the database driver or the network,
// so it can be logged without the slugs and other request details that
// the errors wrapping it may name.
func unavailableCause(err error) error {
	if errors.Is(err, context.Canceled) {
		// The client went away; the database may be fine.
		return nil
	}

	// Failing to connect, for whatever reason, leaves nothing to serve
	// the request with.
	var connectErr *pgconn.ConnectError
	if errors.As(err, &connectErr) {
		return connectErr
	}

	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if !isPostgresUnavailable(pgErr.Code) {
			return nil
		}
		return pgErr
	}

	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) {
		if !isSQLiteUnavailable(liteErr.Code()) {
			return nil
		}
		return liteErr
	}

	// A refused or broken connection, or a wait for one that timed out:
	// context.DeadlineExceeded is a net.Error too.
	var netErr net.Error
	if errors.As(err, &netErr) {
		return netErr
	}
	broken := []error{driver.ErrBadConn, sql.ErrConnDone, pgconn.ErrConnClosed}
	for _, b := range broken {
		if errors.Is(err, b) {
			return b
		}
	}
	return nil
}

// isPostgresUnavailable reports whether the SQLSTATE code is one of
// postgresUnavailable or of a class in it.
func isPostgresUnavailable(code string) bool {
	for _, c := range postgresUnavailable {
		if len(c) == 2 && strings.HasPrefix(code, c) || code == c {
			return true
		}
	}
	return false
}

// isSQLiteUnavailable reports whether the SQLite result code, which may
// be an extended one, says that the file could not be opened or stayed
// locked by another connection for longer than the busy timeout.
func isSQLiteUnavailable(code int) bool {
	switch code & 0xff { // the primary result code
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_CANTOPEN:
		return true
	}
	return false
}
