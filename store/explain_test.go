package store

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"
)

// TestSearchUsesIndexes checks the plans the databases choose for search
// queries, on a generated directory with its statistics, for first pages
// and for pages after a position: text and filters alike go through the
// full-text index, the matches are ordered through the sort index or by
// looking each up by ID, and no query reads all the organizations.
func TestSearchUsesIndexes(t *testing.T) {
	queries := []struct {
		name string
		q    cso.Query
	}{
		{"text", cso.Query{Text: "çocuk hukuk"}},
		{"text and province", cso.Query{Text: "çocuk", Province: 34}},
		{"province", cso.Query{Province: 34}},
		{"filters", cso.Query{Province: 34, ServiceArea: "legal_counseling"}},
		{"text and filters", cso.Query{Text: "çocuk", Province: 34, ServiceArea: "legal_counseling"}},
		{"service filters", cso.Query{ServiceArea: "legal_counseling", Language: "ar-SY"}},
		{"everything", cso.Query{}},
	}
	pages := []struct {
		name  string
		after *cso.PagePosition
	}{
		{"first page", nil},
		{"later page", &cso.PagePosition{Group: 1, SortKey: cso.SortKey("Kadın"), ID: 900}},
	}

	for _, dialect := range storetest.Dialects(t) {
		db := OpenTestDB(t, dialect)
		fillExplain(t, db)
		for _, tt := range queries {
			for _, page := range pages {
				t.Run(dialect+"/"+tt.name+"/"+page.name, func(t *testing.T) {
					query, args := newSearchPlan(dialect, tt.q).page(20, page.after)
					checkPlan(t, dialect, tt.q, explain(t, db, query, args))
				})
			}
		}
	}
}

// checkPlan checks the plan of a search for q.
func checkPlan(t *testing.T, dialect string, q cso.Query, plan string) {
	want := map[string][]string{ // plan lines each dialect must show
		DialectSQLite: {
			"SEARCH o USING INTEGER PRIMARY KEY (rowid=?)",
			"o USING COVERING INDEX organizations_sort_idx",
		},
		DialectPostgres: {"Bitmap Index Scan on organizations_search_idx"},
	}
	for _, line := range want[dialect] {
		assert.Contains(t, plan, line)
	}

	// When one service must meet the filters, SQLite finds the
	// organizations with such a service in the index of services, and
	// without text only there; PostgreSQL reads the bitmaps of services.
	org := "SCAN organization_search VIRTUAL TABLE INDEX"
	switch {
	case dialect == DialectSQLite && q.PerService():
		assert.Contains(t, plan, "SCAN service_search VIRTUAL TABLE INDEX")
		if q.Text != "" {
			assert.Contains(t, plan, org)
		}
	case dialect == DialectSQLite:
		assert.Contains(t, plan, org)
		assert.NotContains(t, plan, "service_search")
	case q.PerService():
		assert.Contains(t, plan, "service_bitmaps_pkey")
	default:
		assert.NotContains(t, plan, "service_bitmaps")
	}

	if dialect == DialectPostgres && q.Text == "" {
		// Without text, the facet bitmaps count the matches and the
		// sort index is walked for them.
		assert.Contains(t, plan, "facet_bitmaps_pkey")
		assert.Contains(t, plan, "Index Only Scan using organizations_sort_idx")
	}
	assert.NotContains(t, plan, "SCAN o\n", "a full scan of organizations")
	assert.NotContains(t, plan, "Seq Scan on organizations ")
}

// explainSize is how many organizations the plans are made for: enough
// that walking the sort index costs less than sorting a third of them,
// which is what a planner guesses a range of sort keys to hold. It holds
// too when VACUUM cannot mark the table's pages all-visible, because a
// test of another package holds a transaction open in the same
// PostgreSQL database, and each entry of the walk costs a read of the
// table: since the rest keys hold labels the rows take more pages, and
// 2,000 organizations were no longer enough.
const explainSize = 4000

// fillExplain stores explainSize generated organizations and gathers the
// statistics of their tables, as ANALYZE (and autovacuum on PostgreSQL)
// would in time.
func fillExplain(t *testing.T, db *DB) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(2026, 12))
	orgs := make([]*cso.Organization, explainSize)
	for i := range orgs {
		orgs[i] = benchOrganization(r, i)
	}
	require.NoError(t, db.Organizations().(cso.BulkCreator).CreateOrganizations(ctx, orgs))

	analyze := "ANALYZE"
	if db.dialect == DialectPostgres {
		analyze = "VACUUM ANALYZE organizations, organization_details, facet_bitmaps, " +
			"service_facets, service_bitmaps"
	}
	_, err := db.bun.ExecContext(ctx, analyze)
	require.NoError(t, err)
}

// explain returns the plan of query, one line per step. On PostgreSQL it
// is the generic plan, the one that a DB keeps for each prepared search
// (see Open), and sequential scans are discouraged first: on the few rows
// of a test table they would be cheaper than any index, which says
// nothing about a full directory.
func explain(t *testing.T, db *DB, query string, args []any) string {
	t.Helper()
	ctx := context.Background()

	var lines []string
	err := db.bun.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if db.dialect == DialectPostgres {
			var err error
			lines, err = explainGeneric(ctx, tx, query, args)
			return err
		}

		rows, err := tx.Tx.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
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

// explainGeneric returns the generic plan of query on PostgreSQL, which
// it prepares for the length of the transaction.
func explainGeneric(ctx context.Context, tx bun.Tx, query string, args []any) ([]string, error) {
	for _, set := range []string{
		"SET LOCAL enable_seqscan = off",
		"SET LOCAL plan_cache_mode = force_generic_plan",
		"PREPARE explained AS " + query,
	} {
		if _, err := tx.Tx.ExecContext(ctx, set); err != nil {
			return nil, err
		}
	}
	defer tx.Tx.ExecContext(ctx, "DEALLOCATE explained")

	params := make([]string, len(args))
	for i := range params {
		params[i] = "$" + strconv.Itoa(i+1)
	}
	rows, err := tx.Tx.QueryContext(ctx,
		"EXPLAIN EXECUTE explained("+strings.Join(params, ", ")+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return planLines(rows)
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
