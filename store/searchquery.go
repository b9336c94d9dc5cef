package store

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterekproje/musterek/cso"
)

// queryFacets returns the facet tokens that the filters of q require:
// one list for each filter, of which a match must hold one token.
func queryFacets(q cso.Query) [][]string {
	var facets [][]string
	if q.Province != 0 {
		facets = append(facets, []string{facetToken(facetProvince, strconv.Itoa(q.Province))})
	}
	if q.ServiceArea != "" {
		facets = append(facets, []string{facetToken(facetServiceArea, q.ServiceArea)})
	}
	if q.TargetGroup != "" {
		facets = append(facets, []string{facetToken(facetTargetGroup, q.TargetGroup)})
	}
	if q.Language != "" {
		facets = append(facets, languageFacet(q.Language))
	}
	return facets
}

// labelFacetTokens returns the tokens of the facets whose labels have a
// word that starts with term: its service areas, target groups and
// provinces, in Turkish, English and Arabic (see cso.LabelFacets). A
// search word matches them as well as the words of the keys, so that
// "cocuk" finds the organizations whose services are for children
// (Çocuklar) without the keys holding the labels. They are exact tokens,
// which the index reads as it goes, where a prefix would have it gather
// every word that starts with the term first. The facets leave out the
// province of a confidential office, as the labels must.
func labelFacetTokens(term string) []string {
	f := cso.LabelFacets(term)
	var tokens []string
	for _, v := range f.ServiceAreas {
		tokens = append(tokens, facetToken(facetServiceArea, v))
	}
	for _, v := range f.TargetGroups {
		tokens = append(tokens, facetToken(facetTargetGroup, v))
	}
	for _, p := range f.Provinces {
		tokens = append(tokens, facetToken(facetProvince, strconv.Itoa(p)))
	}
	return tokens
}

// languageFacet returns the facet tokens of which a service in the
// language of tag holds one. A service in a base language ("ar") serves
// every regional variant of it: a filter of "ar-SY" finds services in
// "ar-SY" and in "ar", not those in "ar-EG". A filter of "ar" finds
// services in "ar" and in each of its variants, all of which hold its
// token (see facetKey).
func languageFacet(tag string) []string {
	tokens := []string{facetToken(facetLanguage, tag)}
	if base := cso.BaseLanguage(tag); base != tag {
		tokens = append(tokens, facetToken(facetAnyRegion, base))
	}
	return tokens
}

// allStatuses are the statuses an organization can have, the most common
// first.
var allStatuses = []cso.Status{cso.StatusActive, cso.StatusInactive, cso.StatusClosed}

// statusCondition is what a match must satisfy for its status token.
type statusCondition struct {
	include string   // one of these statuses, or "" for any
	exclude string   // none of these statuses, or ""
	listed  string   // one of the statuses asked for
	names   []string // the statuses asked for
}

// newStatusCondition returns the condition for the statuses, by default
// active and inactive. Most organizations are active, so a query that
// admits active ones excludes the few others rather than list the many
// it admits.
func newStatusCondition(syntax querySyntax, statuses []cso.Status) statusCondition {
	if len(statuses) == 0 {
		statuses = []cso.Status{cso.StatusActive, cso.StatusInactive}
	}

	var in, out, names []string
	for _, st := range allStatuses {
		token := syntax.token(facetToken(facetStatus, string(st)))
		if slices.Contains(statuses, st) {
			in = append(in, token)
			names = append(names, string(st))
		} else {
			out = append(out, token)
		}
	}

	c := statusCondition{listed: syntax.or(in), names: names}
	switch {
	case len(out) == 0:
	case slices.Contains(statuses, cso.StatusActive):
		c.exclude = syntax.or(out)
	default:
		c.include = c.listed
	}
	return c
}

// join returns the query that requires text (if not empty), every
// filter and, if withStatus, the status. A query needs something to look
// up in the index, so without text and filters it lists the statuses
// asked for.
func (c statusCondition) join(syntax querySyntax, text string, filters []string, withStatus bool) string {
	var required []string
	if text != "" {
		required = append(required, text)
	}
	required = append(required, filters...)
	if withStatus && c.include != "" {
		required = append(required, c.include)
	}
	if len(required) == 0 {
		return c.listed
	}
	if !withStatus {
		return syntax.and(required)
	}
	return syntax.not(syntax.and(required), c.exclude)
}

// querySyntax writes full-text queries for one database.
type querySyntax interface {
	prefix(term string) string // a word starting with term
	token(token string) string // exactly the token
	and(parts []string) string
	or(parts []string) string

	// not returns query without what exclude matches; exclude may be
	// empty.
	not(query, exclude string) string
}

// ftsSyntax writes SQLite FTS5 queries. Every word is quoted, so that
// nothing a person types is read as an operator.
type ftsSyntax struct{}

func (ftsSyntax) token(token string) string { return quoteFTS(token) }
func (ftsSyntax) and(parts []string) string { return group(parts, " AND ") }
func (ftsSyntax) or(parts []string) string  { return group(parts, " OR ") }

func (ftsSyntax) not(query, exclude string) string {
	if exclude == "" {
		return query
	}
	return "(" + query + ") NOT " + exclude
}

// prefix returns the query of a word starting with term. SQLite's
// tokenizer splits a few words that folding keeps whole (see
// sqliteSeparators), and a query word must be one token: such a term
// asks for the tokens the index holds in its place, each whole but the
// last, which may begin one. Their order is not checked, so the term also
// finds organizations that hold those tokens as words of their own.
func (ftsSyntax) prefix(term string) string {
	if !strings.ContainsFunc(term, isSQLiteSeparator) {
		return quoteFTS(term) + "*"
	}

	// A term holds a letter or a digit (see searchTerms), so at least
	// one piece.
	pieces := strings.FieldsFunc(term, isSQLiteSeparator)
	tokens := make([]string, len(pieces))
	for i, p := range pieces {
		tokens[i] = quoteFTS(p)
	}
	if last, _ := utf8.DecodeLastRuneInString(term); !isSQLiteSeparator(last) {
		tokens[len(tokens)-1] += "*"
	}
	return group(tokens, " AND ")
}

// sqliteSeparators are the runes that folding keeps in words but the
// tokenizer of SQLite's index takes for separators. SQLite's Unicode
// tables are older than Go's: U+1734 HANUNOO SIGN PAMUDPOD, which
// Unicode 14 made a spacing mark (Mc), is a nonspacing mark (Mn) there.
const sqliteSeparators = "\u1734"

func isSQLiteSeparator(r rune) bool {
	return strings.ContainsRune(sqliteSeparators, r)
}

func quoteFTS(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// tsquerySyntax writes PostgreSQL tsquery text. Every lexeme is quoted,
// so that nothing a person types is read as an operator.
type tsquerySyntax struct{}

func (tsquerySyntax) prefix(term string) string { return quoteLexeme(term) + ":*" }
func (tsquerySyntax) token(token string) string { return quoteLexeme(token) }
func (tsquerySyntax) and(parts []string) string { return group(parts, " & ") }
func (tsquerySyntax) or(parts []string) string  { return group(parts, " | ") }

func (tsquerySyntax) not(query, exclude string) string {
	if exclude == "" {
		return query
	}
	return query + " & !" + exclude
}

func quoteLexeme(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// group joins parts with the operator, in parentheses when there are
// several.
func group(parts []string, op string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return "(" + strings.Join(parts, op) + ")"
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

// hasLongTerm reports whether a term is longer than any word a search
// key keeps, so that no organization can match it.
func hasLongTerm(terms []string) bool {
	for _, t := range terms {
		if len(t) > maxKeyWord {
			return true
		}
	}
	return false
}
