package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStatements bounds the statements a stmtCache keeps. Searches
// come in few shapes (their text depends on the number of words, not on
// the words), so a full cache means something else is going on: it is
// emptied and starts over.
const maxCachedStatements = 64

// stmtCache keeps prepared statements by their text, so that a query
// sent again is not parsed and planned again. database/sql prepares a
// statement anew on each connection it runs on, and keeps it there.
type stmtCache struct {
	mu     sync.Mutex
	stmts  map[string]*sql.Stmt
	closed bool
}

// statement returns the prepared statement of query on db, preparing it
// on first use.
func (c *stmtCache) statement(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()

	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if c.closed {
		return nil, sql.ErrConnDone
	}

	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if len(c.stmts) >= maxCachedStatements {
		c.closeAll()
	}
	if c.stmts == nil {
		c.stmts = make(map[string]*sql.Stmt)
	}
	c.stmts[query] = st
	return st, nil
}

// close closes every statement; the cache prepares none after.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closeAll()
	c.closed = true
}

func (c *stmtCache) closeAll() {
	for query, st := range c.stmts {
		_ = st.Close()
		delete(c.stmts, query)
	}
}
