package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStatementCacheStaysBounded fills the cache past its bound: it keeps
// the first 64 statements, and a statement it handed out before still
// runs after. The 65th runs once and is closed when released. Once the
// cache is closed it prepares nothing.
func TestStatementCacheStaysBounded(t *testing.T) {
	ctx := context.Background()
	db := OpenTestDB(t, DialectSQLite)
	var c stmtCache

	first, _, err := c.statement(ctx, db.bun.DB, "SELECT 1")
	require.NoError(t, err)
	again, _, err := c.statement(ctx, db.bun.DB, "SELECT 1")
	require.NoError(t, err)
	assert.Same(t, first, again)

	for i := 2; i <= 65; i++ {
		st, release, err := c.statement(ctx, db.bun.DB, fmt.Sprintf("SELECT %d", i))
		require.NoError(t, err)
		var got int
		require.NoError(t, st.QueryRowContext(ctx).Scan(&got))
		assert.Equal(t, i, got)

		release()
		if i == 65 {
			assert.Error(t, st.QueryRowContext(ctx).Scan(&got),
				"the statement past the bound is closed after use")
		}
	}
	assert.Len(t, c.stmts, 64)
	assert.NotContains(t, c.stmts, "SELECT 65")

	var got int
	require.NoError(t, first.QueryRowContext(ctx).Scan(&got),
		"the first statement still runs")
	assert.Equal(t, 1, got)

	c.close()
	assert.Empty(t, c.stmts)
	_, _, err = c.statement(ctx, db.bun.DB, "SELECT 1")
	assert.ErrorIs(t, err, sql.ErrConnDone)
}

// TestStatementCacheKeepsOneOfEach asks for one statement from many
// goroutines at once: whichever prepares it first, all of them get the
// same statement, and the cache keeps that one.
func TestStatementCacheKeepsOneOfEach(t *testing.T) {
	ctx := context.Background()
	db := OpenTestDB(t, DialectSQLite)
	var c stmtCache
	defer c.close()

	got := make([]*sql.Stmt, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			st, _, err := c.statement(ctx, db.bun.DB, "SELECT 1")
			assert.NoError(t, err)
			got[i] = st
		})
	}
	wg.Wait()

	require.Len(t, c.stmts, 1)
	for _, st := range got {
		assert.Same(t, c.stmts["SELECT 1"], st)
	}
}

// TestStatementCacheAnswersWhilePreparing: while one statement waits for
// a connection to be prepared on, a statement already kept is handed out
// at once.
func TestStatementCacheAnswersWhilePreparing(t *testing.T) {
	ctx := context.Background()
	db := OpenTestDB(t, DialectSQLite, WithMaxOpenConns(1))
	pool := db.bun.DB
	var c stmtCache
	defer c.close()

	_, _, err := c.statement(ctx, pool, "SELECT 1")
	require.NoError(t, err)

	// The transaction holds the only connection.
	tx, err := pool.BeginTx(ctx, nil)
	require.NoError(t, err)
	waits := pool.Stats().WaitCount

	prepared := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_, _, err := c.statement(ctx, pool, "SELECT 2")
		prepared <- err
	}()
	require.Eventually(t, func() bool { return pool.Stats().WaitCount > waits },
		5*time.Second, time.Millisecond, "the second statement waits for a connection")

	kept := make(chan error, 1)
	go func() {
		_, _, err := c.statement(ctx, pool, "SELECT 1")
		kept <- err
	}()
	select {
	case err := <-kept:
		assert.NoError(t, err)
	case <-time.After(2 * time.Second):
		t.Error("the kept statement waited for the one being prepared")
	}

	require.NoError(t, tx.Rollback())
	assert.NoError(t, <-prepared)
}
