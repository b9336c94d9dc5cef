package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/uptrace/bun"
)

// scanSQL runs query on idb and scans its rows into dest. The query goes
// to the driver with its placeholders and arguments as written, not
// formatted by bun, so its text is the same for every search of one
// shape and is parsed once: pgx prepares and keeps the statement on
// PostgreSQL, the DB's statement cache on SQLite. Bypassing bun, it
// bypasses bun's query hook too, so it logs the statement itself.
func (db *DB) scanSQL(ctx context.Context, idb bun.IDB, dest any, query string, args ...any) error {
	start := time.Now()
	err := db.scanQuery(ctx, idb, dest, query, args...)
	logStatement(ctx, db.logger, query, time.Since(start), err)
	return err
}

// scanQuery runs query on idb and scans its rows into dest.
func (db *DB) scanQuery(ctx context.Context, idb bun.IDB, dest any, query string, args ...any) error {
	rows, release, err := db.query(ctx, idb, query, args...)
	if err != nil {
		return err
	}
	defer release()
	defer rows.Close()

	return db.bun.ScanRows(ctx, rows, dest)
}

// query runs query on idb, through a prepared statement that is kept,
// and returns its rows with a function to call once they are closed.
func (db *DB) query(ctx context.Context, idb bun.IDB, query string, args ...any) (*sql.Rows, func(), error) {
	if db.dialect == DialectPostgres {
		args = append([]any{pgx.QueryExecModeCacheStatement}, args...)
		rows, err := queryText(ctx, idb, query, args...)
		return rows, keepOpen, err
	}

	switch h := idb.(type) {
	case *bun.DB:
		st, release, err := db.statements.statement(ctx, h.DB, query)
		if err != nil {
			return nil, nil, err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			release()
			return nil, nil, err
		}
		return rows, release, nil

	case bun.Tx:
		// The transaction holds a connection, and the pool may have no
		// other to prepare on: a kept statement is prepared on the
		// transaction's connection, any other query runs as text.
		if st, err := db.statements.cached(query); err == nil && st != nil {
			rows, err := h.Tx.StmtContext(ctx, st).QueryContext(ctx, args...)
			return rows, keepOpen, err
		}
	}

	rows, err := queryText(ctx, idb, query, args...)
	return rows, keepOpen, err
}

// queryText runs the text of query on idb, which the driver prepares
// or not as it sees fit.
func queryText(ctx context.Context, idb bun.IDB, query string, args ...any) (*sql.Rows, error) {
	switch h := idb.(type) {
	case bun.Tx:
		return h.Tx.QueryContext(ctx, query, args...)
	case *bun.DB:
		return h.DB.QueryContext(ctx, query, args...)
	case bun.Conn:
		return h.Conn.QueryContext(ctx, query, args...)
	}
	return nil, fmt.Errorf("unexpected database handle %T", idb)
}
