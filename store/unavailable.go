package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrUnavailable means that the database cannot be reached or cannot take
// the request now: the connection is refused, broken or timed out,
// PostgreSQL is shutting down, has no connection to spare or no longer
// has the database, or SQLite cannot open its file or stays locked by
// another connection past its busy timeout. The request was not at fault
// and may succeed when sent again.
//
// Open, Ping, RunInTx and every method of the stores a DB returns give it
// as an *UnavailableError, whose chain still holds the driver's error, so
// that errors.As finds a *pgconn.PgError or a *sqlite.Error as before.
// A cancelled context is not a case of it: the caller went away, and the
// database may be fine.
var ErrUnavailable = errors.New("store: the database cannot be reached " +
	"or cannot take the request now")

// UnavailableError is the error in which the store returns ErrUnavailable.
// It matches ErrUnavailable.
type UnavailableError struct {
	// Err is the error the store met, with the context of where.
	Err error

	// Cause is the error within Err that says the database cannot
	// serve: the database driver's or the network's. Unlike the
	// messages around it, which may name a slug or a registry
	// identifier, it holds nothing that the request asked for, so it
	// can be logged where the whole error should not be.
	Cause error
}

// Error returns the message of Err.
func (e *UnavailableError) Error() string { return e.Err.Error() }

// Unwrap returns Err.
func (e *UnavailableError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnavailable) true.
func (e *UnavailableError) Is(target error) bool { return target == ErrUnavailable }

// markUnavailable returns err as an *UnavailableError if it says that the
// database cannot be reached or cannot take the request now, and err as
// it is otherwise. The exported functions and methods pass each error
// they return through it.
func markUnavailable(err error) error {
	if err == nil {
		return nil
	}
	var marked *UnavailableError
	if errors.As(err, &marked) {
		return err
	}

	cause := unavailableCause(err)
	if cause == nil {
		return err
	}
	return &UnavailableError{Err: err, Cause: cause}
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
// thing.
func unavailableCause(err error) error {
	if errors.Is(err, context.Canceled) {
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
