package store

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSearchBySetsUsesIndexes checks the plans of the statements of a
// search by sets, on a generated directory with its statistics: the
// facet bitmaps are read by token through their primary key, the words
// through the full-text index, the sort keys of the matches through the
// sort index or by ID, and no statement reads all the organizations.
func TestSearchBySetsUsesIndexes(t *testing.T) {
	want := map[string]map[string][]string{ // plan lines of each statement
		DialectSQLite: {
			"facets": {"SEARCH facet_bitmaps USING PRIMARY KEY (token=?)"},
			"words": {
				"SCAN organization_search VIRTUAL TABLE INDEX",
				"SEARCH o USING INTEGER PRIMARY KEY (rowid=?)",
			},
			"walk":   {"SEARCH organizations USING COVERING INDEX organizations_sort_idx"},
			"lookUp": {"SEARCH organizations USING INTEGER PRIMARY KEY (rowid=?)"},
			"page":   {"SEARCH o USING INTEGER PRIMARY KEY (rowid=?)"},
		},
		DialectPostgres: {
			"facets": {"facet_bitmaps_pkey"},
			"words":  {"Bitmap Index Scan on organizations_search_idx"},
			"walk":   {"Index Only Scan using organizations_sort_idx"},
			"lookUp": {"Index Scan using organizations_pkey"},
			"page":   {"organizations_pkey"},
		},
	}

	for _, dialect := range storetest.Dialects(t) {
		db := OpenTestDB(t, dialect)
		fillExplain(t, db)
		sql := setSQL[dialect]
		ids, err := listArg(dialect, []int64{7, 70, 700})
		require.NoError(t, err)

		for _, q := range []cso.Query{
			{Text: "çocuk", Province: 34},
			{Text: "çocuk hukuk"},
		} {
			p := newSearchPlan(dialect, q)
			require.True(t, p.bySets(), "query %+v", q)
			tokens, err := listArg(dialect, p.setTokens())
			require.NoError(t, err)
			words, wordArgs := wordsQuery(p)
			key := cso.SortKey("Kadın")

			statements := map[string]struct {
				query string
				args  []any
			}{
				"facets": {sql.facets, []any{tokens}},
				"words":  {words, wordArgs},
				"walk":   {sql.walk, []any{key, 900, 64}},
				"lookUp": {sql.lookUp, []any{ids, key, 900, 21}},
				"page":   {sql.page, []any{ids}},
			}
			for name, st := range statements {
				t.Run(dialect+"/"+q.Text+"/"+name, func(t *testing.T) {
					plan := explain(t, db, st.query, st.args)
					for _, line := range want[dialect][name] {
						assert.Contains(t, plan, line)
					}
					assert.NotContains(t, plan, "SCAN o\n", "a full scan of organizations")
					assert.NotContains(t, plan, "SCAN organizations\n", "a full scan of organizations")
					assert.NotContains(t, plan, "Seq Scan on organizations ")
				})
			}
		}
	}
}
