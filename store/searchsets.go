package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// bySets reports whether the plan finds its matches as sets of IDs from
// the facet bitmaps (see searchBySets) rather than from the full-text
// index alone: when every term of the text names facets by its labels,
// so that the index would list every organization that has them, or, on
// SQLite, when there is no text, which PostgreSQL counts through the
// bitmaps in SQL (see pageBitmaps). A search whose filters one service
// must meet reads the facets of services, which have no bitmaps on
// SQLite; it stays with the full-text index.
func (p *searchPlan) bySets() bool {
	if p.perService {
		return false
	}
	if len(p.terms) == 0 {
		return p.dialect == DialectSQLite
	}
	for _, tokens := range p.labels {
		if len(tokens) == 0 {
			return false
		}
	}
	return true
}

// searchBySets fills res with the page of the plan's search after the
// position. The matches are those with every facet that the filters,
// the statuses and the labels of each term require, all found in the
// facet bitmaps, and those that the full-text index finds with a word of
// the keys starting with one of the terms (the plan's words query): a
// match whose keys hold none of the terms holds, for each, a facet it
// names. The first set is as large as the facets are common, and costs
// a few bit operations; the second is as large as the words are, and
// the index lists it. Counting their union gives the total; the page is
// found in the union by walking the sort index or by looking up each
// match (see pageOfSets). The reads share one transaction, so that they
// see one state of the database.
func (s *organizationStore) searchBySets(ctx context.Context, q cso.Query, p *searchPlan,
	limit int, after *cso.PagePosition, res *cso.SearchResult) error {

	return s.read(ctx, func(ctx context.Context, idb bun.IDB) error {
		facets, err := s.readFacetSets(ctx, idb, p.setTokens())
		if err != nil {
			return err
		}
		statuses := unionOf(facets, p.statusTokens)
		matches := statuses.clone()
		for _, tokens := range p.facets {
			matches.and(unionOf(facets, tokens))
		}
		for _, tokens := range p.labels {
			matches.and(unionOf(facets, tokens))
		}

		groups := []matchGroup{{ids: matches}}
		if len(p.terms) > 0 {
			named, words, err := s.wordMatches(ctx, idb, p)
			if err != nil {
				return err
			}
			matches.or(words)
			matches.andNot(named.ids)
			groups = []matchGroup{named, {ids: matches}}
		}

		for _, g := range groups {
			res.Total += g.ids.len()
		}
		entries, more, err := s.pageOfSets(ctx, idb, groups, limit, after, statuses.len())
		if err != nil {
			return err
		}
		return s.fillPage(ctx, idb, q, entries, more, res)
	})
}

// setTokens returns the facet tokens whose bitmaps the plan reads.
func (p *searchPlan) setTokens() []string {
	tokens := append([]string(nil), p.statusTokens...)
	for _, f := range p.facets {
		tokens = append(tokens, f...)
	}
	for _, l := range p.labels {
		tokens = append(tokens, l...)
	}
	return tokens
}

// unionOf returns the set of the IDs that any of the tokens' sets holds.
func unionOf(sets map[string]*idSet, tokens []string) *idSet {
	u := new(idSet)
	for _, t := range tokens {
		if s, ok := sets[t]; ok {
			u.or(s)
		}
	}
	return u
}

// bitmapRow is a chunk of a facet bitmap as the search reads it.
type bitmapRow struct {
	Token string `bun:"token"`
	Chunk int64  `bun:"chunk"`
	Bits  []byte `bun:"bits"`
}

// readFacetSets returns the set of the organizations that hold each of
// the tokens, from the facet bitmaps. A token no organization holds has
// no set.
func (s *organizationStore) readFacetSets(ctx context.Context, idb bun.IDB, tokens []string) (map[string]*idSet, error) {
	arg, err := listArg(s.db.dialect, tokens)
	if err != nil {
		return nil, fmt.Errorf("facet tokens: %w", err)
	}

	var rows []bitmapRow
	if err := s.db.scanSQL(ctx, idb, &rows, setSQL[s.db.dialect].facets, arg); err != nil {
		return nil, fmt.Errorf("facet bitmaps: %w", err)
	}

	sets := make(map[string]*idSet)
	for _, r := range rows {
		set, ok := sets[r.Token]
		if !ok {
			set = new(idSet)
			sets[r.Token] = set
		}
		set.addChunk(r.Chunk, r.Bits)
	}
	return sets, nil
}

// wordRow is a match of the words query: its ID, name key and sort key.
type wordRow struct {
	ID      int64  `bun:"id"`
	NameKey string `bun:"name_key"`
	SortKey []byte `bun:"sort_key"`
}

// wordMatches returns the matches that the full-text index finds with a
// word starting with one of the terms: those whose names hold every term,
// the first rank group, in order, and the others. All the matches of the
// first group are read anyway, and their sort keys with them, so that
// its pages need no other query; the second group is mostly found in the
// facet bitmaps, whose matches have no sort keys at hand.
func (s *organizationStore) wordMatches(ctx context.Context, idb bun.IDB, p *searchPlan) (named matchGroup, others *idSet, err error) {
	query, args := wordsQuery(p)
	var rows []wordRow
	if err := s.db.scanSQL(ctx, idb, &rows, query, args...); err != nil {
		return matchGroup{}, nil, fmt.Errorf("word matches: %w", err)
	}

	named = matchGroup{ids: new(idSet), sorted: []pageEntry{}}
	others = new(idSet)
	for _, r := range rows {
		if nameHoldsTerms(r.NameKey, p.terms) {
			named.ids.add(r.ID)
			named.sorted = append(named.sorted, pageEntry{SortKey: r.SortKey, ID: r.ID})
		} else {
			others.add(r.ID)
		}
	}
	others.andNot(named.ids)
	slices.SortFunc(named.sorted, comparePageEntries)
	return named, others, nil
}

// nameHoldsTerms reports whether a word of the name key starts with each
// of the terms: the condition of the first rank group, as the page query
// of PostgreSQL checks it with strpos (see searchPlan.group).
func nameHoldsTerms(nameKey string, terms []string) bool {
	spaced := " " + nameKey
	for _, t := range terms {
		if !strings.Contains(spaced, " "+t) {
			return false
		}
	}
	return true
}
