package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// tokenRow is a row of the organization_tokens table.
type tokenRow struct {
	bun.BaseModel `bun:"table:organization_tokens"`

	Hash           string    `bun:"hash,pk"`
	OrganizationID int64     `bun:"organization_id"`
	Label          string    `bun:"label"`
	CreatedAt      time.Time `bun:"created_at"`
}

// SaveToken implements cso.Store. A zero CreatedAt is set to the store's
// current time. A token of a missing organization yields ErrNotFound.
func (s *organizationStore) SaveToken(ctx context.Context, t cso.Token) error {
	row := &tokenRow{
		Hash:           t.Hash,
		OrganizationID: t.OrganizationID,
		Label:          t.Label,
		CreatedAt:      t.CreatedAt.UTC().Truncate(time.Microsecond),
	}
	if t.CreatedAt.IsZero() {
		row.CreatedAt = s.db.timestamp()
	}

	err := s.write(ctx, func(ctx context.Context, idb bun.IDB) error {
		_, err := idb.NewInsert().Model(row).Exec(ctx)
		return err
	})
	if isForeignKeyViolation(err) {
		err = cso.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: save token of organization %d: %w",
			t.OrganizationID, markUnavailable(err))
	}
	return nil
}

// TokenOrganizationID implements cso.Store. The error never repeats the
// hash, which stands for a credential.
func (s *organizationStore) TokenOrganizationID(ctx context.Context, hash string) (int64, error) {
	var id int64
	err := s.idb.NewSelect().Model((*tokenRow)(nil)).
		Column("organization_id").
		Where("hash = ?", hash).
		Scan(ctx, &id)
	if errors.Is(err, sql.ErrNoRows) {
		err = cso.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("store: look up token: %w", markUnavailable(err))
	}
	return id, nil
}

// DeleteTokens implements cso.Store.
func (s *organizationStore) DeleteTokens(ctx context.Context, organizationID int64) (int, error) {
	var n int64
	err := s.write(ctx, func(ctx context.Context, idb bun.IDB) error {
		res, err := idb.NewDelete().Model((*tokenRow)(nil)).
			Where("organization_id = ?", organizationID).
			Exec(ctx)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: delete tokens of organization %d: %w",
			organizationID, markUnavailable(err))
	}
	return int(n), nil
}
