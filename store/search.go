package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// searchRow is a row of the page query: an organization with its public
// offices and its services as JSON arrays, the group that ranks it, the
// number of all matches and whether more follow the page.
type searchRow struct {
	organizationRow `bun:",extend"`

	Group    int    `bun:"search_group"`
	Total    int    `bun:"search_total"`
	More     bool   `bun:"search_more"`
	Offices  []byte `bun:"search_offices"`
	Services []byte `bun:"search_services"`
}

// Search implements cso.Store. Either one statement finds the page,
// counts the matches and reads the offices and services of the page, so
// that it sees one state of the database without a transaction of its
// own, or, when the facet bitmaps find the matches (see searchBySets), a
// few statements do in one read-only transaction.
func (s *organizationStore) Search(ctx context.Context, q cso.Query) (*cso.SearchResult, error) {
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}

	after, err := s.pagePosition(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", markUnavailable(err))
	}

	limit := q.Limit
	if limit <= 0 || limit > cso.MaxLimit {
		limit = cso.DefaultLimit
	}

	// Text with no word in it, only punctuation say, matches nothing, as
	// it does for a Directory. Nor does a word longer than any the index
	// keeps; PostgreSQL would refuse to look it up.
	res := &cso.SearchResult{Items: []*cso.Organization{}}
	terms := searchTerms(q.Text)
	noWord := strings.TrimSpace(q.Text) != "" && len(terms) == 0
	if noWord || hasLongTerm(terms) {
		return res, nil
	}

	if err := s.search(ctx, q, limit, after, res); err != nil {
		return nil, fmt.Errorf("store: search: %w", markUnavailable(err))
	}
	return res, nil
}

// search fills res with the page of q after the position, or the first
// page if it is nil.
func (s *organizationStore) search(ctx context.Context, q cso.Query,
	limit int, after *cso.PagePosition, res *cso.SearchResult) error {

	plan := newSearchPlan(s.db.dialect, q)
	if plan.bySets() {
		return s.searchBySets(ctx, q, plan, limit, after, res)
	}

	var page []searchRow
	query, args := plan.page(limit, after)
	if err := s.db.scanSQL(ctx, s.idb, &page, query, args...); err != nil {
		return err
	}

	if len(page) > 0 {
		res.Total = page[0].Total
	} else if after != nil {
		// Past the last match the page cannot tell how many there are.
		query, args := plan.count()
		if err := s.db.scanSQL(ctx, s.idb, &res.Total, query, args...); err != nil {
			return err
		}
	}

	for i := range page {
		o, err := page[i].organization()
		if err != nil {
			return fmt.Errorf("organization %d: %w", page[i].ID, err)
		}
		res.Items = append(res.Items, o)
	}

	if n := len(page); n > 0 && page[n-1].More {
		last := &page[n-1]
		res.NextPageToken = cso.EncodePageToken(s.db.pageKey, q, cso.PagePosition{
			Group: last.Group, SortKey: last.SortKey, ID: last.ID,
		})
	}
	return nil
}

// organization returns the organization of r with its public offices
// and its services.
func (r *searchRow) organization() (*cso.Organization, error) {
	o := r.organizationRow.organization()

	var d detailRow
	if err := json.Unmarshal(r.Offices, &d.Offices.V); err != nil {
		return nil, fmt.Errorf("offices: %w", err)
	}
	if err := json.Unmarshal(r.Services, &d.Services.V); err != nil {
		return nil, fmt.Errorf("services: %w", err)
	}
	d.withDetails(o, false)
	return o, nil
}
