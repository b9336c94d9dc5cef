package store

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/musterekproje/musterek/cso"
)

// organizationColumns are the columns of organizationRow.
const organizationColumns = "o.id, o.slug, o.registry_id, o.kind, " +
	"o.status, o.short_name, o.names, o.descriptions, o.website, o.email, " +
	"o.phones, o.social_links, o.last_verified_at, o.created_at, " +
	"o.updated_at, o.version, o.sort_key, o.name_key, o.rest_key"

// searchPlan is the SQL of one search: the conditions a match must meet
// and the expression of its rank group, with their arguments. Arguments
// are written as ? placeholders.
type searchPlan struct {
	dialect string

	// idSets select the IDs of the organizations that match the text and
	// each filter; a match must be in all of them.
	idSets    []string
	idSetArgs []any

	where     []string
	whereArgs []any
	group     string
	groupArgs []any
}

// newSearchPlan returns the plan of q in the dialect.
//
// Text search goes through a full-text index, and every filter through
// the primary key of organization_facets, so no search reads the whole
// organizations table unless it asks for every organization.
func newSearchPlan(dialect string, q cso.Query) *searchPlan {
	p := &searchPlan{dialect: dialect, group: "0"}

	if terms := searchTerms(q.Text); len(terms) > 0 {
		if dialect == DialectPostgres {
			p.matchPostgres(terms)
		} else {
			p.matchSQLite(terms)
		}
	}

	if q.Province != 0 {
		p.facet(facetProvince, strconv.Itoa(q.Province))
	}
	if q.ServiceArea != "" {
		p.facet(facetServiceArea, q.ServiceArea)
	}
	if q.TargetGroup != "" {
		p.facet(facetTargetGroup, q.TargetGroup)
	}
	if q.Language != "" {
		p.facet(facetLanguage, q.Language)
	}

	statuses := q.Statuses
	if len(statuses) == 0 {
		statuses = []cso.Status{cso.StatusActive, cso.StatusInactive}
	}
	marks := make([]string, len(statuses))
	for i, st := range statuses {
		marks[i] = "?"
		p.whereArgs = append(p.whereArgs, string(st))
	}
	p.where = append(p.where, "o.status IN ("+strings.Join(marks, ", ")+")")
	return p
}

// matchSQLite matches every term as a word prefix in either column of the
// FTS5 index; the first group matches them all in the name column.
func (p *searchPlan) matchSQLite(terms []string) {
	phrases := make([]string, len(terms))
	for i, t := range terms {
		phrases[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"*`
	}
	all := strings.Join(phrases, " AND ")

	const ids = "SELECT rowid FROM organization_search " +
		"WHERE organization_search MATCH ?"
	p.idSets = append(p.idSets, ids)
	p.idSetArgs = append(p.idSetArgs, all)
	p.group = "CASE WHEN o.id IN (" + ids + ") THEN 0 ELSE 1 END"
	p.groupArgs = []any{"{name_key} : (" + all + ")"}
}

// matchPostgres matches every term as a prefix of a lexeme of the whole
// search vector, through its GIN index; the first group matches them all
// in the name vector.
func (p *searchPlan) matchPostgres(terms []string) {
	lexemes := make([]string, len(terms))
	for i, t := range terms {
		t = strings.ReplaceAll(t, `\`, `\\`)
		lexemes[i] = "'" + strings.ReplaceAll(t, "'", "''") + "':*"
	}
	query := strings.Join(lexemes, " & ")

	p.where = append(p.where, "o.search_vec @@ CAST(? AS tsquery)")
	p.whereArgs = append(p.whereArgs, query)
	p.group = "CASE WHEN o.name_vec @@ CAST(? AS tsquery) THEN 0 ELSE 1 END"
	p.groupArgs = []any{query}
}

// facet requires the organization to have the facet value.
func (p *searchPlan) facet(facet, value string) {
	p.idSets = append(p.idSets, "SELECT organization_id "+
		"FROM organization_facets WHERE facet = ? AND value = ?")
	p.idSetArgs = append(p.idSetArgs, facet, value)
}

// conditions returns the WHERE clause of the plan and its arguments.
//
// SQLite intersects the ID sets before it reads any organization, which
// spares it a lookup for each ID that only one set holds. PostgreSQL
// plans each set as a semi-join of its own, which serves it better.
func (p *searchPlan) conditions() (string, []any) {
	var conds []string
	var args []any

	switch {
	case len(p.idSets) == 0:
	case p.dialect == DialectPostgres:
		for _, set := range p.idSets {
			conds = append(conds, "o.id IN ("+set+")")
		}
		args = append(args, p.idSetArgs...)
	default:
		conds = append(conds, "o.id IN ("+strings.Join(p.idSets, " INTERSECT ")+")")
		args = append(args, p.idSetArgs...)
	}

	conds = append(conds, p.where...)
	args = append(args, p.whereArgs...)
	return strings.Join(conds, " AND "), args
}

// page returns the query of one page, ordered by rank group, then in
// Turkish alphabetical order, with the number of all matches. Matches
// are ordered and counted by ID and sort key alone; only the rows of the
// page are read whole.
func (p *searchPlan) page(limit, offset int) (string, []any) {
	where, whereArgs := p.conditions()

	var query string
	if p.dialect == DialectPostgres {
		// Left to itself, PostgreSQL takes the LIMIT as a reason to walk
		// every organization in sort order, as if the window could stop
		// early. Materializing the matches first makes it find them
		// through the indexes.
		query = "WITH matches AS MATERIALIZED (" +
			"SELECT o.id, " + p.group + " AS search_group, o.sort_key " +
			"FROM organizations AS o WHERE " + where + "), " +
			"page AS (SELECT id, search_group, " +
			"count(*) OVER () AS search_total FROM matches " +
			"ORDER BY search_group, sort_key, id LIMIT ? OFFSET ?) "
	} else {
		query = "WITH page AS (" +
			"SELECT o.id, " + p.group + " AS search_group, " +
			"count(*) OVER () AS search_total " +
			"FROM organizations AS o WHERE " + where +
			" ORDER BY search_group, o.sort_key, o.id LIMIT ? OFFSET ?) "
	}
	query += "SELECT " + organizationColumns + ", " +
		"page.search_group, page.search_total " +
		"FROM page JOIN organizations AS o ON o.id = page.id " +
		"ORDER BY page.search_group, o.sort_key, o.id"

	args := make([]any, 0, len(p.groupArgs)+len(whereArgs)+2)
	args = append(args, p.groupArgs...)
	args = append(args, whereArgs...)
	return query, append(args, limit, offset)
}

// count returns the query of the number of matches.
func (p *searchPlan) count() (string, []any) {
	where, args := p.conditions()
	return "SELECT count(*) FROM organizations AS o WHERE " + where, args
}

// searchTerms returns the folded words of text that can match an indexed
// word: those with a letter or a digit.
func searchTerms(text string) []string {
	var terms []string
	for _, t := range cso.Terms(text) {
		if strings.IndexFunc(t, isWordRune) >= 0 {
			terms = append(terms, t)
		}
	}
	return terms
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
