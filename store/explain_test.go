package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"
)

// TestSearchUsesIndexes checks the plans the databases choose for search
// queries: text and filters alike go through the full-text index, the
// matches are ordered through the sort index or by looking each up by
// ID, and no query reads all the organizations.
func TestSearchUsesIndexes(t *testing.T) {
	queries := []struct {
		name string
		q    cso.Query
	}{
		{"text", cso.Query{Text: "çocuk hukuk"}},
		{"text and province", cso.Query{Text: "çocuk", Province: 34}},
		{"filters", cso.Query{Province: 34, ServiceArea: "legal_counseling"}},
		{"everything", cso.Query{}},
	}
	want := map[string][]string{ // plan lines each dialect must show
		DialectSQLite: {
			"SCAN organization_search VIRTUAL TABLE INDEX",
			"SEARCH o USING INTEGER PRIMARY KEY (rowid=?)",
			"SCAN o USING COVERING INDEX organizations_sort_idx",
		},
		DialectPostgres: {"Bitmap Index Scan on organizations_search_idx"},
	}

	for _, dialect := range storetest.Dialects(t) {
		db := OpenTestDB(t, dialect)
		for _, tt := range queries {
			t.Run(dialect+"/"+tt.name, func(t *testing.T) {
				query, args := newSearchPlan(dialect, tt.q).page(20, 0)
				plan := explain(t, db, query, args)

				for _, line := range want[dialect] {
					assert.Contains(t, plan, line)
				}
				if dialect == DialectPostgres && tt.q.Text == "" {
					// Without text, the facet bitmaps count the
					// matches and the sort index is walked for them.
					assert.Contains(t, plan, "facet_bitmaps_pkey")
					assert.Contains(t, plan, "Index Only Scan using organizations_sort_idx")
				}
				assert.NotContains(t, plan, "SCAN o\n", "a full scan of organizations")
				assert.NotContains(t, plan, "Seq Scan on organizations ")
			})
		}
	}
}

// explain returns the plan of query, one line per step. On PostgreSQL
// sequential scans are discouraged first: on the few rows of a test
// table they would be cheaper than any index, which says nothing about
// a full directory.
func explain(t *testing.T, db *DB, query string, args []any) string {
	t.Helper()
	ctx := context.Background()

	var lines []string
	err := db.bun.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		prefix := "EXPLAIN QUERY PLAN "
		if db.dialect == DialectPostgres {
			prefix = "EXPLAIN "
			if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
				return err
			}
		}

		rows, err := tx.Tx.QueryContext(ctx, prefix+query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()

		lines, err = planLines(rows)
		return err
	})
	require.NoError(t, err)
	return strings.Join(lines, "\n") + "\n"
}

// planLines reads the text of each step of a plan: SQLite gives four
// columns with the text last, PostgreSQL one.
func planLines(rows *sql.Rows) ([]string, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}

	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		var text string
		for i := range vals {
			vals[i] = new(any)
		}
		vals[len(vals)-1] = &text
		if err := rows.Scan(vals...); err != nil {
			return nil, err
		}
		lines = append(lines, strings.TrimSpace(text))
	}
	return lines, rows.Err()
}
