package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// searchRow is a row of the page query: an organization, the group that
// ranks it and the number of all matches.
type searchRow struct {
	organizationRow `bun:",extend"`

	Group int `bun:"search_group"`
	Total int `bun:"search_total"`
}

// Search implements cso.Store. It takes one query for the page and the
// total, and one each for the offices and services of the page.
func (s *organizationStore) Search(ctx context.Context, q cso.Query) (*cso.SearchResult, error) {
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}

	offset := 0
	if q.PageToken != "" {
		var err error
		offset, err = cso.DecodePageToken(s.db.pageKey, q, q.PageToken)
		if err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
	}

	limit := q.Limit
	if limit <= 0 || limit > cso.MaxLimit {
		limit = cso.DefaultLimit
	}

	// Text with no word in it, only punctuation say, matches nothing, as
	// it does for a Directory.
	res := &cso.SearchResult{Items: []*cso.Organization{}}
	if strings.TrimSpace(q.Text) != "" && len(searchTerms(q.Text)) == 0 {
		return res, nil
	}

	err := s.read(ctx, func(ctx context.Context, idb bun.IDB) error {
		return s.search(ctx, idb, q, limit, offset, res)
	})
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return res, nil
}

// search fills res with the page of q at offset.
func (s *organizationStore) search(ctx context.Context, idb bun.IDB,
	q cso.Query, limit, offset int, res *cso.SearchResult) error {

	plan := newSearchPlan(s.db.dialect, q)

	var page []searchRow
	query, args := plan.page(limit, offset)
	if err := idb.NewRaw(query, args...).Scan(ctx, &page); err != nil {
		return err
	}

	if len(page) > 0 {
		res.Total = page[0].Total
	} else if offset > 0 {
		// Past the last match the page cannot tell how many there are.
		query, args := plan.count()
		if err := idb.NewRaw(query, args...).Scan(ctx, &res.Total); err != nil {
			return err
		}
	}

	rows := make([]*organizationRow, len(page))
	for i := range page {
		rows[i] = &page[i].organizationRow
	}
	items, err := loadDetails(ctx, idb, rows, false)
	if err != nil {
		return err
	}
	res.Items = items

	if next := offset + len(page); next < res.Total {
		res.NextPageToken = cso.EncodePageToken(s.db.pageKey, q, next)
	}
	return nil
}
