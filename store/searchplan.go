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

	// all is the full-text query that every match satisfies: each word
	// of the text starts a word of the keys or names a facet the match
	// has (see labelTokens). named, on SQLite, is the one that the first
	// group satisfies, the matches whose names hold every word. Without
	// text there is one group and no named query.
	all   string
	named string

	// perService says that one service of every match must meet the
	// filters (see cso.Query.PerService). services is then, on SQLite,
	// the full-text query of the index of services that such a service
	// satisfies, statuses included; PostgreSQL reads the bitmaps of the
	// facets of services instead (see serviceChunks).
	perService bool
	services   string

	// terms are the folded words of the text, and labels, for each, the
	// facet tokens it names (see labelFacetTokens).
	terms  []string
	labels [][]string

	// words is the full-text query of the matches that hold a word
	// starting with one of the terms, not only facets their labels name:
	// all, and any of the terms (see searchBySets).
	words string

	// statuses are those a match may have, and statusTokens their facet
	// tokens; facets are the facet tokens that the filters require, one
	// list for each, of which a match holds one.
	statuses     []string
	statusTokens []string
	facets       [][]string
}

// newSearchPlan returns the plan of q in the dialect.
func newSearchPlan(dialect string, q cso.Query) *searchPlan {
	var syntax querySyntax = ftsSyntax{}
	if dialect == DialectPostgres {
		syntax = tsquerySyntax{}
	}

	p := &searchPlan{dialect: dialect, terms: searchTerms(q.Text)}
	var words, inNames, filters []string
	for _, t := range p.terms {
		inNames = append(inNames, syntax.prefix(t))
		labels := labelFacetTokens(t)
		p.labels = append(p.labels, labels)
		alternatives := []string{syntax.prefix(t)}
		for _, l := range labels {
			alternatives = append(alternatives, syntax.token(l))
		}
		words = append(words, syntax.or(alternatives))
	}
	p.facets = queryFacets(q)
	for _, alternatives := range p.facets {
		var tokens []string
		for _, f := range alternatives {
			tokens = append(tokens, syntax.token(f))
		}
		filters = append(filters, syntax.or(tokens))
	}
	status := newStatusCondition(syntax, q.Statuses)
	p.statuses = status.names
	for _, st := range status.names {
		p.statusTokens = append(p.statusTokens, facetToken(facetStatus, st))
	}
	text := syntax.and(words)
	var anyWord string
	switch {
	case len(inNames) == 1:
		// A word that starts with the term satisfies the text.
		anyWord = inNames[0]
	case len(inNames) > 1:
		anyWord = syntax.and([]string{text, syntax.or(inNames)})
	}
	p.perService = q.PerService()
	if p.perService && dialect != DialectPostgres {
		// A service's key holds its organization's status too, so that
		// without text the index of services alone finds the matches.
		p.services = status.join(syntax, "", filters, true)
	}

	if dialect == DialectPostgres {
		// PostgreSQL reads the row of every match anyway, to see whether
		// it is visible, so it checks the status there: excluding a
		// status in the query would have it check the query again on
		// every row.
		p.all = status.join(syntax, text, filters, false)
		p.words = status.join(syntax, anyWord, filters, false)
		return p
	}

	p.all = status.join(syntax, text, filters, true)
	p.words = status.join(syntax, anyWord, filters, true)
	if text != "" {
		names := "{name_key} : (" + syntax.and(inNames) + ")"
		p.named = status.join(syntax, names, filters, true)
	}
	return p
}

// walkCost is how many entries of the sort index a database walks in
// the time it takes to look up the sort key of one match.
const walkCost = 5

// page returns the query of the page of at most limit matches that come
// after the position (all of them if it is nil), ordered by rank group,
// then in Turkish alphabetical order, then by ID, with the number of all
// matches. The query reads one match more than the page holds, to tell
// whether another page follows; only the organizations of the page are
// read whole.
func (p *searchPlan) page(limit int, after *cso.PagePosition) (string, []any) {
	if p.dialect == DialectPostgres {
		return p.pagePostgres(limit, after)
	}
	return p.pageSQLite(limit, after)
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

// postgresVector is the search vector of organization o: its words and
// facet tokens, one lexeme each. The GIN index is built on this very
// expression.
const postgresVector = "array_to_tsvector(array_remove(string_to_array(" +
	"o.name_key || ' ' || o.rest_key || ' ' || o.facet_key, ' '), ''))"

// pageColumns are the columns that every page query returns besides
// those of the organization and its details, from the CTE page of the
// matches it found, limit+1 at most: whether there are more than the
// limit, which the placeholder limit holds.
func pageColumns(limit string) string {
	return "o.sort_key, page.search_group, " +
		"(SELECT count(*) FROM page) > " + limit + " AS search_more"
}

// pagePostgres finds the matches through the GIN index of the search
// vector, sorts those after the position by group and sort key, and
// counts them all. Without text, the facet bitmaps count the matches and
// find the page (see pageBitmaps).
func (p *searchPlan) pagePostgres(limit int, after *cso.PagePosition) (string, []any) {
	if len(p.terms) == 0 {
		return p.pageBitmaps(limit, after)
	}

	args := []any{p.all, limit, p.statuses}
	services, among := p.servicesPostgres(&args)
	group := p.group(&args, func(n int) string {
		return "strpos(' ' || o.name_key, $" + strconv.Itoa(n) + ") > 0"
	})
	c := newCursor(&args, after, true, postgresMark)

	query := "WITH " + services + "matches AS MATERIALIZED (" +
		"SELECT o.id, " + group + " AS search_group, o.sort_key " +
		"FROM organizations AS o " +
		"WHERE " + postgresVector + " @@ CAST($1 AS tsquery) " +
		"AND o.status = ANY($3)" + among + "), " +
		"page AS MATERIALIZED (SELECT id, search_group, sort_key FROM matches " +
		c.where("search_group", "sort_key", "id") +
		"ORDER BY search_group, sort_key, id LIMIT $2 + 1) " +
		"SELECT " + organizationColumns + ", " + pageColumns("$2") + ", " +
		"(SELECT count(*) FROM matches) AS search_total, " +
		detailColumns + " " +
		"FROM page JOIN organizations AS o ON o.id = page.id " +
		detailJoin + " " +
		"ORDER BY page.search_group, page.sort_key, page.id LIMIT $2"
	return query, args
}

// count returns the query of the number of matches.
func (p *searchPlan) count() (string, []any) {
	if p.dialect == DialectPostgres && len(p.terms) == 0 {
		return p.countBitmaps()
	}
	if p.dialect == DialectPostgres {
		args := []any{p.all, p.statuses}
		services, among := p.servicesPostgres(&args)
		with := ""
		if services != "" {
			with = "WITH " + strings.TrimSuffix(services, ", ") + " "
		}
		return with + "SELECT count(*) FROM organizations AS o " +
			"WHERE " + postgresVector + " @@ CAST($1 AS tsquery) " +
			"AND o.status = ANY($2)" + among, args
	}
	if p.services != "" && p.named == "" {
		return "SELECT count(*) FROM (" + servicesSQLite("?1") + ")",
			[]any{p.services}
	}
	if p.services != "" {
		return "SELECT count(*) FROM organization_search " +
				"WHERE organization_search MATCH ?1 " +
				"AND +rowid IN (" + servicesSQLite("?2") + ")",
			[]any{p.all, p.services}
	}
	return "SELECT count(*) FROM organization_search " +
		"WHERE organization_search MATCH ?1", []any{p.all}
}
