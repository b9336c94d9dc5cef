package store

import (
	"encoding/json"
	"fmt"
)

// setStatements are the statements of a search by sets (see
// searchBySets) on one dialect, but for the words query, which depends
// on the terms (see wordsQuery).
type setStatements struct {
	// facets reads the chunks of the bitmaps of the tokens in list ?1,
	// as 1,024 bytes each.
	facets string

	// walk reads the sort index after the sort key ?1 and ID ?2, ?3
	// entries at most.
	walk string

	// lookUp reads the sort keys of the IDs in list ?1 that come after
	// the sort key ?2 and ID ?3, in order, ?4 at most.
	lookUp string

	// page reads the organizations with the IDs in list ?1 and their
	// details.
	page string
}

// setSQL holds the statements of a search by sets of each dialect. On
// SQLite, a list is a JSON array that json_each reads; on PostgreSQL, an
// array. PostgreSQL sends the bytes of a bit string after its length,
// four bytes, in its binary form. The + of SQLite's comparisons keeps it
// from reading the sort index for them where the ID leads.
var setSQL = map[string]setStatements{
	DialectSQLite: {
		facets: "SELECT token, chunk, bits FROM facet_bitmaps " +
			"WHERE token IN (SELECT value FROM json_each(?1))",
		walk: "SELECT sort_key, id FROM organizations INDEXED BY organizations_sort_idx " +
			"WHERE (sort_key, id) > (+?1, +?2) ORDER BY sort_key, id LIMIT ?3",
		lookUp: "SELECT sort_key, id FROM organizations " +
			"WHERE id IN (SELECT value FROM json_each(?1)) " +
			"AND (sort_key, id) > (+?2, +?3) ORDER BY sort_key, id LIMIT ?4",
		page: "SELECT " + organizationColumns + ", o.sort_key, " + detailColumns +
			" FROM organizations AS o " + detailJoin +
			" WHERE o.id IN (SELECT value FROM json_each(?1))",
	},
	DialectPostgres: {
		facets: "SELECT token, chunk, substring(varbit_send(bits) FROM 5) AS bits " +
			"FROM facet_bitmaps WHERE token = ANY($1)",
		walk: "SELECT sort_key, id FROM organizations " +
			"WHERE (sort_key, id) > ($1, $2) ORDER BY sort_key, id LIMIT $3",
		lookUp: "SELECT sort_key, id FROM organizations " +
			"WHERE id = ANY($1) AND (sort_key, id) > ($2, $3) " +
			"ORDER BY sort_key, id LIMIT $4",
		page: "SELECT " + organizationColumns + ", o.sort_key, " + detailColumns +
			" FROM organizations AS o " + detailJoin + " WHERE o.id = ANY($1)",
	},
}

// listArg returns the argument that passes the list to a statement of
// setSQL on the dialect.
func listArg[T any](dialect string, list []T) (any, error) {
	if dialect == DialectPostgres {
		return list, nil
	}
	text, err := json.Marshal(list)
	if err != nil {
		return nil, fmt.Errorf("list of %d: %w", len(list), err)
	}
	return string(text), nil
}

// wordsQuery returns the query of the matches that the full-text index
// finds with a word starting with one of the terms, with its arguments:
// their IDs, name keys and sort keys, from one pass over the index.
// wordMatches tells from the name keys which matches rank first (see
// nameHoldsTerms).
func wordsQuery(p *searchPlan) (string, []any) {
	if p.dialect == DialectSQLite {
		return "SELECT o.id, o.name_key, o.sort_key " +
			"FROM organization_search CROSS JOIN organizations AS o " +
			"ON o.id = organization_search.rowid " +
			"WHERE organization_search MATCH ?1", []any{p.words}
	}
	return "SELECT o.id, o.name_key, o.sort_key FROM organizations AS o " +
		"WHERE " + postgresVector + " @@ CAST($1 AS tsquery) " +
		"AND o.status = ANY($2)", []any{p.words, p.statuses}
}
