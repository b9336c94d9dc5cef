package store

import (
	"strconv"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// organizationColumns are the columns of organizationRow that a search
// result shows.
const organizationColumns = "o.id, o.slug, o.registry_id, o.kind, " +
	"o.status, o.short_name, o.names, o.descriptions, o.website, o.email, " +
	"o.phones, o.social_links, o.last_verified_at, o.created_at, " +
	"o.updated_at, o.version"

// detailColumns are the public offices and the services of the
// organization, as JSON arrays, from organization_details joined as d.
// The confidential offices are not among them.
const (
	detailColumns = "d.offices AS search_offices, d.services AS search_services"
	detailJoin    = "JOIN organization_details AS d ON d.organization_id = o.id"
)

// searchPlan is the SQL of one search. Text and filters become one query
// of the full-text index, which finds the matches in a single lookup; on
// SQLite the query also holds the statuses, so that it alone counts the
// matches.
type searchPlan struct {
	dialect string

	// all is the full-text query that every match satisfies; named,
	// on SQLite, the one that the first group satisfies, the matches
	// whose names hold every word. Without text there is one group and
	// no named query.
	all   string
	named string

	// terms are the folded words of the text.
	terms []string

	// statuses are those a match may have, on PostgreSQL, and
	// statusTokens their facet tokens; facets are the facet tokens that
	// the filters require.
	statuses     []string
	statusTokens []string
	facets       []string
}

// newSearchPlan returns the plan of q in the dialect.
func newSearchPlan(dialect string, q cso.Query) *searchPlan {
	var syntax querySyntax = ftsSyntax{}
	if dialect == DialectPostgres {
		syntax = tsquerySyntax{}
	}

	p := &searchPlan{dialect: dialect, terms: searchTerms(q.Text)}
	var words, filters []string
	for _, t := range p.terms {
		words = append(words, syntax.prefix(t))
	}
	for _, f := range queryFacets(q) {
		filters = append(filters, syntax.token(f))
	}
	status := newStatusCondition(syntax, q.Statuses)
	text := syntax.and(words)

	if dialect == DialectPostgres {
		// PostgreSQL reads the row of every match anyway, to see whether
		// it is visible, so it checks the status there: excluding a
		// status in the query would have it check the query again on
		// every row.
		p.statuses = status.names
		for _, st := range status.names {
			p.statusTokens = append(p.statusTokens, facetToken(facetStatus, st))
		}
		p.facets = queryFacets(q)
		p.all = status.join(syntax, text, filters, false)
		return p
	}

	p.all = status.join(syntax, text, filters, true)
	if text != "" {
		names := "{name_key} : (" + text + ")"
		p.named = status.join(syntax, names, filters, true)
	}
	return p
}

// walkCost is how many entries of the sort index SQLite walks in the
// time it takes to look up the sort key of one match.
const walkCost = 5

// page returns the query of one page, ordered by rank group, then in
// Turkish alphabetical order, with the number of all matches. Only the
// organizations of the page are read whole.
func (p *searchPlan) page(limit, offset int) (string, []any) {
	if p.dialect == DialectPostgres {
		return p.pagePostgres(limit, offset)
	}
	return p.pageSQLite(limit, offset)
}

// pageSQLite orders the matches in one of two ways. When they are few,
// it looks up the sort key and the name of each and sorts them. When
// they are many, looking each up would cost more than walking the sort
// index and keeping the matches it meets: that soon fills a page, and
// reads no organization. The query counts the matches first and gives
// the way it does not take a limit of zero, so that it reads nothing.
//
// Walking, the first group is found by a second query of the index,
// which holds the matches whose names hold every word.
func (p *searchPlan) pageSQLite(limit, offset int) (string, []any) {
	args := []any{p.all, p.named, limit, offset}
	group := p.group(&args, func(n int) string {
		return "instr(' ' || o.name_key, ?" + strconv.Itoa(n) + ") > 0"
	})

	var b strings.Builder
	b.WriteString("WITH matches(id) AS MATERIALIZED (" +
		"SELECT rowid FROM organization_search " +
		"WHERE organization_search MATCH ?1), ")
	if p.named != "" {
		b.WriteString("named(id) AS MATERIALIZED (" +
			"SELECT rowid FROM organization_search " +
			"WHERE organization_search MATCH ?2), ")
	}
	b.WriteString("plan AS MATERIALIZED (SELECT total, " +
		"total * total * " + strconv.Itoa(walkCost) +
		" > (?3 + ?4) * size AS walk " +
		"FROM (SELECT (SELECT count(*) FROM matches) AS total, " +
		"(SELECT coalesce(max(id), 0) FROM organizations) AS size)), ")

	b.WriteString("page AS MATERIALIZED (" +
		"SELECT * FROM (SELECT " + group + " AS search_group, o.id " +
		"FROM matches AS m CROSS JOIN organizations AS o ON o.id = m.id " +
		"ORDER BY 1, o.sort_key, o.id " +
		"LIMIT (SELECT iif(walk, 0, ?3) FROM plan) OFFSET ?4)")
	if p.named == "" {
		b.WriteString(" UNION ALL " + walkSQLite("0", "o.id IN matches",
			"(SELECT iif(walk, ?3, 0) FROM plan)", "?4"))
	} else {
		b.WriteString(" UNION ALL " + walkSQLite("0", "o.id IN named",
			"(SELECT iif(walk, ?3, 0) FROM plan)", "?4"))
		b.WriteString(" UNION ALL " + walkSQLite("1",
			"o.id IN matches AND o.id NOT IN named",
			"(SELECT iif(walk, max(?3 - max("+namedCount+" - ?4, 0), 0), 0) "+
				"FROM plan)",
			"max(?4 - "+namedCount+", 0)"))
	}

	b.WriteString(") SELECT " + organizationColumns + ", " +
		"page.search_group, plan.total AS search_total, " +
		detailColumns + " " +
		"FROM page CROSS JOIN organizations AS o ON o.id = page.id " +
		"CROSS JOIN plan " + detailJoin + " " +
		"ORDER BY page.search_group, o.sort_key, o.id")
	return b.String(), args
}

// group returns the expression of the rank group of organization o: 0
// when a word of its name starts with each term, else 1. It appends the
// terms to args; found writes the condition that the name key holds the
// n-th argument.
func (p *searchPlan) group(args *[]any, found func(n int) string) string {
	if len(p.terms) == 0 {
		return "0"
	}

	conds := make([]string, len(p.terms))
	for i, t := range p.terms {
		*args = append(*args, " "+t)
		conds[i] = found(len(*args))
	}
	return "CASE WHEN " + strings.Join(conds, " AND ") + " THEN 0 ELSE 1 END"
}

// namedCount is the size of the first group.
const namedCount = "(SELECT count(*) FROM named)"

// walkSQLite returns the query that walks the sort index for a page of
// the group, the organizations that satisfy cond.
func walkSQLite(group, cond, limit, offset string) string {
	return "SELECT * FROM (SELECT " + group + " AS search_group, o.id " +
		"FROM organizations AS o INDEXED BY organizations_sort_idx " +
		"WHERE " + cond + " ORDER BY o.sort_key, o.id " +
		"LIMIT " + limit + " OFFSET " + offset + ")"
}

// postgresVector is the search vector of organization o: its words and
// facet tokens, one lexeme each. The GIN index is built on this very
// expression.
const postgresVector = "array_to_tsvector(array_remove(string_to_array(" +
	"o.name_key || ' ' || o.rest_key || ' ' || o.facet_key, ' '), ''))"

// pagePostgres finds the matches through the GIN index of the search
// vector, sorts them by group and sort key, and counts them. Without
// text, the facet bitmaps count the matches and find the page (see
// pageBitmaps).
func (p *searchPlan) pagePostgres(limit, offset int) (string, []any) {
	if len(p.terms) == 0 {
		return p.pageBitmaps(limit, offset)
	}

	args := []any{p.all, limit, offset, p.statuses}
	group := p.group(&args, func(n int) string {
		return "strpos(' ' || o.name_key, $" + strconv.Itoa(n) + ") > 0"
	})

	query := "WITH matches AS MATERIALIZED (" +
		"SELECT o.id, " + group + " AS search_group, o.sort_key " +
		"FROM organizations AS o " +
		"WHERE " + postgresVector + " @@ CAST($1 AS tsquery) " +
		"AND o.status = ANY($4)), " +
		"page AS (SELECT id, search_group FROM matches " +
		"ORDER BY search_group, sort_key, id LIMIT $2 OFFSET $3) " +
		"SELECT " + organizationColumns + ", page.search_group, " +
		"(SELECT count(*) FROM matches) AS search_total, " +
		detailColumns + " " +
		"FROM page JOIN organizations AS o ON o.id = page.id " +
		detailJoin + " " +
		"ORDER BY page.search_group, o.sort_key, o.id"
	return query, args
}

// count returns the query of the number of matches.
func (p *searchPlan) count() (string, []any) {
	if p.dialect == DialectPostgres && len(p.terms) == 0 {
		return p.countBitmaps()
	}
	if p.dialect == DialectPostgres {
		return "SELECT count(*) FROM organizations AS o " +
				"WHERE " + postgresVector + " @@ CAST($1 AS tsquery) " +
				"AND o.status = ANY($2)",
			[]any{p.all, p.statuses}
	}
	return "SELECT count(*) FROM organization_search " +
		"WHERE organization_search MATCH ?1", []any{p.all}
}
