package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/musterekproje/musterek/cso"
)

// pagePosition returns the position after which the page of q starts:
// the one its page token holds, with the whole sort key, or nil when q
// has no token.
func (s *organizationStore) pagePosition(ctx context.Context, q cso.Query) (*cso.PagePosition, error) {
	if q.PageToken == "" {
		return nil, nil
	}

	pos, err := cso.DecodePageToken(s.db.pageKey, q, q.PageToken)
	if err != nil {
		return nil, err
	}
	if pos.Partial {
		pos, err = s.completeSortKey(ctx, pos)
	}
	return &pos, err
}

// completeSortKey returns the position with the whole sort key of its
// organization, of which a token holds only the beginning when it is
// long. If the organization is gone, or its name no longer begins the
// same way, the beginning stands for the position: the page then starts
// again at the first of the matches whose keys begin so, which share
// their first 150 letters or so with the name that ended the last page.
func (s *organizationStore) completeSortKey(ctx context.Context, pos cso.PagePosition) (cso.PagePosition, error) {
	var key []byte
	err := s.idb.NewSelect().Table("organizations").Column("sort_key").
		Where("id = ?", pos.ID).Scan(ctx, &key)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return pos, nil
	case err != nil:
		return pos, fmt.Errorf("sort key of organization %d: %w", pos.ID, err)
	}

	if bytes.HasPrefix(key, pos.SortKey) {
		pos.SortKey = key
	}
	return pos, nil
}
