package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStatements bounds the statements a stmtCache keeps. Searches
// come in few shapes (their text depends on the number of words, not on
// the words), so they stay well below it. Past it, a statement is
// prepared for one use and closed after it.
const maxCachedStatements = 64

// stmtCache keeps prepared statements by their text, so that a query
// sent again is not parsed and planned again. database/sql prepares a
// statement anew on each connection it runs on, and keeps it there.
//
// A statement the cache keeps stays open until the cache closes, so a
// search may use one it was handed however long it takes to start.
type stmtCache struct {
	mu     sync.Mutex
	stmts  map[string]*sql.Stmt
	closed bool
}

// keepOpen is the release function of a statement the cache keeps.
func keepOpen() {}

// statement returns the prepared statement of query on db, preparing it
// on first use, with a function to call once it has run: that function
// closes a statement that the cache, being full, does not keep.
func (c *stmtCache) statement(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, func(), error) {
	st, err := c.cached(query)
	if err != nil {
		return nil, nil, err
	}
	if st != nil {
		return st, keepOpen, nil
	}

	// Preparing may wait for a free connection. It does so without the
	// lock, so that searches whose statements are kept need not wait.
	st, err = db.PrepareContext(ctx, query)
	if err != nil {
		return nil, nil, err
	}
	return c.keep(query, st)
}

// cached returns the statement of query that the cache keeps, or nil.
func (c *stmtCache) cached(query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()

	if c.closed {
		return nil, sql.ErrConnDone
	}
	return c.stmts[query], nil
}

// keep adds st, just prepared, to the cache unless the cache is full. A
// search that prepared the same text meanwhile wins: its statement is
// returned and st closed.
func (c *stmtCache) keep(query string, st *sql.Stmt) (*sql.Stmt, func(), error) {
	c.mu.Lock()
	defer c.mu.Unlock()

	kept, ok := c.stmts[query]
	switch {
	case c.closed:
		_ = st.Close()
		return nil, nil, sql.ErrConnDone
	case ok:
		_ = st.Close()
		return kept, keepOpen, nil
	case len(c.stmts) >= maxCachedStatements:
		return st, func() { _ = st.Close() }, nil
	}

	if c.stmts == nil {
		c.stmts = make(map[string]*sql.Stmt)
	}
	c.stmts[query] = st
	return st, keepOpen, nil
}

// close closes every statement; the cache prepares none after.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()

	for query, st := range c.stmts {
		_ = st.Close()
		delete(c.stmts, query)
	}
	c.closed = true
}
