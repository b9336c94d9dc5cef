package store

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/musterekproje/musterek/cso"
)

// organizationColumns are the columns of organizationRow, as the search
// query selects them.
const organizationColumns = "o.id, o.slug, o.registry_id, o.kind, o.status, " +
	"o.short_name, o.names, o.descriptions, o.website, o.email, o.phones, " +
	"o.social_links, o.last_verified_at, o.created_at, o.updated_at, " +
	"o.version, o.sort_key, o.name_key, o.rest_key"

// searchPlan is the SQL of one search: the conditions a match must meet
// and the expression of its rank group, with their arguments. Arguments
// are written as ? placeholders.
type searchPlan struct {
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
	p := &searchPlan{group: "0"}

	if terms := searchTerms(q.Text); len(terms) > 0 {
		if dialect == DialectPostgres {
			p.matchPostgres(terms)
		} else {
			p.matchSQLite(terms)
		}
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
	p.where = append(p.where, "o.id IN ("+ids+")")
	p.whereArgs = append(p.whereArgs, all)
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
	p.where = append(p.where, "o.id IN (SELECT organization_id "+
		"FROM organization_facets WHERE facet = ? AND value = ?)")
	p.whereArgs = append(p.whereArgs, facet, value)
}

// page returns the query of one page, ordered by rank group, then in
// Turkish alphabetical order, with the number of all matches.
func (p *searchPlan) page(limit, offset int) (string, []any) {
	query := "SELECT " + organizationColumns + ", " +
		p.group + " AS search_group, count(*) OVER () AS search_total " +
		"FROM organizations AS o WHERE " + strings.Join(p.where, " AND ") +
		" ORDER BY search_group, o.sort_key, o.id LIMIT ? OFFSET ?"

	args := make([]any, 0, len(p.groupArgs)+len(p.whereArgs)+2)
	args = append(args, p.groupArgs...)
	args = append(args, p.whereArgs...)
	return query, append(args, limit, offset)
}

// count returns the query of the number of matches.
func (p *searchPlan) count() (string, []any) {
	return "SELECT count(*) FROM organizations AS o WHERE " +
		strings.Join(p.where, " AND "), p.whereArgs
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
