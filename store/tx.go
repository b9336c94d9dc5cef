package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Retrying a transaction the database gave up on: how often, and how
// long to wait at most before the first and before the last attempt.
const (
	txAttempts   = 12
	txBackoffMin = 2 * time.Millisecond
	txBackoffMax = 250 * time.Millisecond
)

// RunInTx runs fn in a write transaction and commits it if fn returns nil.
// The transactions of RunInTx behave as if they ran one after another: on
// PostgreSQL they are serializable, on SQLite they take the write lock
// when they begin. So a rule that reads and then writes, such as "no more
// registrations than places", holds under any concurrency.
//
// When the database cancels the transaction to keep that promise (a
// PostgreSQL serialization failure or deadlock, a busy SQLite database),
// RunInTx waits a little and runs fn again, a few times at most; fn must
// therefore have no effects outside the transaction.
func (db *DB) RunInTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	return markUnavailable(db.runInTxOn(ctx, db.bun, fn))
}

// txRunner begins transactions: the DB's pool, or one connection of it.
type txRunner interface {
	RunInTx(ctx context.Context, opts *sql.TxOptions, fn func(ctx context.Context, tx bun.Tx) error) error
}

// runInTxOn is RunInTx with the transactions begun by r.
func (db *DB) runInTxOn(ctx context.Context, r txRunner, fn func(ctx context.Context, tx bun.Tx) error) error {
	var opts *sql.TxOptions
	if db.dialect == DialectPostgres {
		opts = &sql.TxOptions{Isolation: sql.LevelSerializable}
	}

	for attempt := 1; ; attempt++ {
		err := r.RunInTx(ctx, opts, fn)
		if err == nil || !isRetryable(err) {
			return err
		}
		if attempt == txAttempts {
			return fmt.Errorf("store: transaction failed %d times: %w",
				attempt, err)
		}

		if err := sleep(ctx, backoff(attempt)); err != nil {
			return err
		}
	}
}

// read runs fn in a read-only transaction, so that the several queries a
// read takes see the same state. Such transactions never wait for writers
// and are never cancelled to serialize them.
func (db *DB) read(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.dialect == DialectPostgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	return db.bun.RunInTx(ctx, opts, fn)
}

// isRetryable reports whether err means the database gave up on a
// transaction that may well succeed if run again.
func isRetryable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// serialization_failure, deadlock_detected
		return pgErr.Code == "40001" || pgErr.Code == "40P01"
	}

	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) {
		switch liteErr.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// backoff returns a random wait before the next attempt, growing with
// each attempt so that transactions that collided spread out.
func backoff(attempt int) time.Duration {
	limit := txBackoffMin << attempt
	if limit > txBackoffMax || limit <= 0 {
		limit = txBackoffMax
	}
	return txBackoffMin + rand.N(limit)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()

	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("store: wait to retry transaction: %w", ctx.Err())
	}
}
