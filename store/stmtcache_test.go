package store

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStatementCacheStaysBounded fills the cache past its bound: it
// starts over rather than grow, every statement it hands out still runs,
// and once closed it prepares nothing.
func TestStatementCacheStaysBounded(t *testing.T) {
	ctx := context.Background()
	db := OpenTestDB(t, DialectSQLite)
	var c stmtCache

	first, err := c.statement(ctx, db.bun.DB, "SELECT 1")
	require.NoError(t, err)
	again, err := c.statement(ctx, db.bun.DB, "SELECT 1")
	require.NoError(t, err)
	assert.Same(t, first, again)

	for i := 2; i <= maxCachedStatements+1; i++ {
		st, err := c.statement(ctx, db.bun.DB, fmt.Sprintf("SELECT %d", i))
		require.NoError(t, err)
		var got int
		require.NoError(t, st.QueryRowContext(ctx).Scan(&got))
		assert.Equal(t, i, got)
	}
	assert.LessOrEqual(t, len(c.stmts), maxCachedStatements)

	c.close()
	assert.Empty(t, c.stmts)
	_, err = c.statement(ctx, db.bun.DB, "SELECT 1")
	assert.ErrorIs(t, err, sql.ErrConnDone)
}
