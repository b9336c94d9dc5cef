package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// searchRow is a row of the page query: an organization with its public
// offices and its services as JSON arrays, the group that ranks it and
// the number of all matches.
type searchRow struct {
	organizationRow `bun:",extend"`

	Group    int    `bun:"search_group"`
	Total    int    `bun:"search_total"`
	Offices  []byte `bun:"search_offices"`
	Services []byte `bun:"search_services"`
}

// Search implements cso.Store. One statement finds the page, counts the
// matches and reads the offices and services of the page, so it sees
// one state of the database without a transaction of its own.
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

	if err := s.search(ctx, q, limit, offset, res); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return res, nil
}

// search fills res with the page of q at offset.
func (s *organizationStore) search(ctx context.Context, q cso.Query,
	limit, offset int, res *cso.SearchResult) error {

	plan := newSearchPlan(s.db.dialect, q)

	var page []searchRow
	query, args := plan.page(limit, offset)
	if err := s.db.scanSQL(ctx, s.idb, &page, query, args...); err != nil {
		return err
	}

	if len(page) > 0 {
		res.Total = page[0].Total
	} else if offset > 0 {
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

	if next := offset + len(page); next < res.Total {
		res.NextPageToken = cso.EncodePageToken(s.db.pageKey, q, next)
	}
	return nil
}

// organization returns the organization of r with its offices and
// services.
func (r *searchRow) organization() (*cso.Organization, error) {
	o := r.organizationRow.organization()

	var offices []officeRow
	if err := json.Unmarshal(r.Offices, &offices); err != nil {
		return nil, fmt.Errorf("offices: %w", err)
	}
	slices.SortFunc(offices, func(a, b officeRow) int {
		return cmp.Compare(a.Position, b.Position)
	})
	for i := range offices {
		o.Offices = append(o.Offices, offices[i].office())
	}

	var services []serviceRow
	if err := json.Unmarshal(r.Services, &services); err != nil {
		return nil, fmt.Errorf("services: %w", err)
	}
	slices.SortFunc(services, func(a, b serviceRow) int {
		return cmp.Compare(a.Position, b.Position)
	})
	for i := range services {
		o.Services = append(o.Services, services[i].service())
	}
	return o, nil
}

// scanSQL runs query on idb and scans its rows into dest. The query goes
// to the driver with its placeholders and arguments as written, not
// formatted by bun, so its text is the same for every search of one
// shape: PostgreSQL then parses it once per connection, as pgx prepares
// and keeps the statement.
func (db *DB) scanSQL(ctx context.Context, idb bun.IDB, dest any, query string, args ...any) error {
	if db.dialect == DialectPostgres {
		args = append([]any{pgx.QueryExecModeCacheStatement}, args...)
	}

	var rows *sql.Rows
	var err error
	switch h := idb.(type) {
	case bun.Tx:
		rows, err = h.Tx.QueryContext(ctx, query, args...)
	case *bun.DB:
		rows, err = h.DB.QueryContext(ctx, query, args...)
	case bun.Conn:
		rows, err = h.Conn.QueryContext(ctx, query, args...)
	default:
		return fmt.Errorf("unexpected database handle %T", idb)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	return db.bun.ScanRows(ctx, rows, dest)
}
