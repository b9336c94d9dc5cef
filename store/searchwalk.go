package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// pageEntry is a match of a page: its rank group, sort key and ID.
type pageEntry struct {
	Group   int    `bun:"-"`
	SortKey []byte `bun:"sort_key"`
	ID      int64  `bun:"id"`
}

// comparePageEntries orders entries by sort key, then by ID, as the sort
// index does.
func comparePageEntries(a, b pageEntry) int {
	return cmp.Or(bytes.Compare(a.SortKey, b.SortKey), cmp.Compare(a.ID, b.ID))
}

// matchGroup is a rank group of the matches of a search: their IDs and,
// when the query that found them read their sort keys too, the matches
// in order, which its pages take without reading them again.
type matchGroup struct {
	ids    *idSet
	sorted []pageEntry
}

// Walking the sort index reads its entries in batches of at least
// minWalkBatch and at most maxWalkBatch.
const (
	minWalkBatch = 32
	maxWalkBatch = 4096
)

// pageOfSets returns the first limit matches after the position, in
// order of rank group (the index of its set in groups), sort key and ID,
// and whether more follow. A group is read in one of two ways, as
// pageSQLite reads one: when its matches are many, by walking the sort
// index and keeping the IDs of the set, which soon fills a page; when
// they are few, by looking up the sort key of each. A group already in
// order needs neither. population is about how many entries the sort
// index holds.
func (s *organizationStore) pageOfSets(ctx context.Context, idb bun.IDB, groups []matchGroup,
	limit int, after *cso.PagePosition, population int) ([]pageEntry, bool, error) {

	var page []pageEntry
	for g, group := range groups {
		set := group.ids
		if after != nil && after.Group > g {
			continue
		}
		need := limit + 1 - len(page)
		n := set.len()
		if need <= 0 || n == 0 {
			continue
		}

		start := pageEntry{SortKey: []byte{}}
		if after != nil && after.Group == g {
			start = pageEntry{SortKey: after.SortKey, ID: after.ID}
		}

		var found []pageEntry
		var err error
		switch {
		case group.sorted != nil:
			found = entriesAfter(group.sorted, start, need)
		case float64(n)*float64(n)*walkCost > float64(need)*float64(population):
			found, err = s.walkSortIndex(ctx, idb, set, n, start, need, population)
		default:
			found, err = s.lookUpSortKeys(ctx, idb, set, start, need)
		}
		if err != nil {
			return nil, false, err
		}
		for i := range found {
			found[i].Group = g
		}
		page = append(page, found...)
	}

	if len(page) > limit {
		return page[:limit], true, nil
	}
	return page, false, nil
}

// entriesAfter returns the first need entries of sorted, which is in
// order, that come after start, in a slice of their own.
func entriesAfter(sorted []pageEntry, start pageEntry, need int) []pageEntry {
	i, found := slices.BinarySearchFunc(sorted, start, comparePageEntries)
	if found {
		i++
	}
	return slices.Clone(sorted[i:min(i+need, len(sorted))])
}

// walkSortIndex returns the first need members of the set, of n, that
// come after start in the sort index, reading the index in batches sized
// to the share of its population that the set holds.
func (s *organizationStore) walkSortIndex(ctx context.Context, idb bun.IDB, set *idSet,
	n int, start pageEntry, need, population int) ([]pageEntry, error) {

	query := setSQL[s.db.dialect].walk
	batch := need*max(population, n)/n + need/4 + minWalkBatch
	var found []pageEntry
	for {
		batch = min(batch, maxWalkBatch)
		var rows []pageEntry
		err := s.db.scanSQL(ctx, idb, &rows, query, start.SortKey, start.ID, batch)
		if err != nil {
			return nil, fmt.Errorf("walk sort index: %w", err)
		}

		for _, r := range rows {
			if set.has(r.ID) {
				found = append(found, r)
				if len(found) == need {
					return found, nil
				}
			}
		}
		if len(rows) < batch {
			return found, nil
		}
		start = rows[len(rows)-1]
		batch *= 2
	}
}

// lookUpSortKeys returns the first need members of the set that come
// after start, reading the sort key of each.
func (s *organizationStore) lookUpSortKeys(ctx context.Context, idb bun.IDB, set *idSet,
	start pageEntry, need int) ([]pageEntry, error) {

	ids := set.ids()
	arg, err := listArg(s.db.dialect, ids)
	if err != nil {
		return nil, fmt.Errorf("organization IDs: %w", err)
	}

	var found []pageEntry
	query := setSQL[s.db.dialect].lookUp
	if err := s.db.scanSQL(ctx, idb, &found, query, arg, start.SortKey, start.ID, need); err != nil {
		return nil, fmt.Errorf("look up %d sort keys: %w", len(ids), err)
	}
	return found, nil
}

// fillPage reads the organizations of the page, with their public
// offices and services, into res in the page's order, and gives res the
// token of the next page if more follow.
func (s *organizationStore) fillPage(ctx context.Context, idb bun.IDB, q cso.Query,
	page []pageEntry, more bool, res *cso.SearchResult) error {

	if len(page) == 0 {
		return nil
	}
	ids := make([]int64, len(page))
	for i, e := range page {
		ids[i] = e.ID
	}
	arg, err := listArg(s.db.dialect, ids)
	if err != nil {
		return fmt.Errorf("organization IDs: %w", err)
	}

	var rows []searchRow
	if err := s.db.scanSQL(ctx, idb, &rows, setSQL[s.db.dialect].page, arg); err != nil {
		return fmt.Errorf("organizations of the page: %w", err)
	}

	byID := make(map[int64]*searchRow, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	for _, e := range page {
		row, ok := byID[e.ID]
		if !ok {
			return fmt.Errorf("organization %d of the page is gone", e.ID)
		}
		o, err := row.organization()
		if err != nil {
			return fmt.Errorf("organization %d: %w", e.ID, err)
		}
		res.Items = append(res.Items, o)
	}

	if more {
		last := page[len(page)-1]
		res.NextPageToken = cso.EncodePageToken(s.db.pageKey, q, cso.PagePosition{
			Group: last.Group, SortKey: last.SortKey, ID: last.ID,
		})
	}
	return nil
}
