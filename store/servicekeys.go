package store

import (
	"context"
	"fmt"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// serviceSlots is how many services of an organization the SQLite index
// of services has room for: service i of organization id is row
// id*serviceSlots + i. Validation allows 200 services.
const serviceSlots = 256

// serviceKey is the facet tokens of one service of an organization (see
// cso.Organization.ServiceFacets) and of the organization's status, which
// a search whose filters one service must meet matches.
type serviceKey struct {
	Position int
	FacetKey string
}

// serviceKeys returns the keys of the services of o.
func serviceKeys(o *cso.Organization) []serviceKey {
	var keys []serviceKey
	for i, f := range o.ServiceFacets() {
		keys = append(keys, serviceKey{
			Position: i,
			FacetKey: facetKey(f, o.Status),
		})
	}
	return keys
}

// serviceSearchRow is a row of the SQLite index service_search.
type serviceSearchRow struct {
	bun.BaseModel `bun:"table:service_search"`

	RowID    int64  `bun:"rowid"`
	FacetKey string `bun:"facet_key"`
}

// serviceFacetRow is a row of the PostgreSQL table service_facets.
type serviceFacetRow struct {
	bun.BaseModel `bun:"table:service_facets"`

	OrganizationID int64  `bun:"organization_id"`
	Position       int    `bun:"position"`
	FacetKey       string `bun:"facet_key"`
}

// serviceKeyInsert returns the statement that inserts the service keys of
// recs in the dialect, reading nothing back, or nil when they have no
// services.
func serviceKeyInsert(idb bun.IDB, dialect string, recs []*record) *bun.InsertQuery {
	if dialect == DialectPostgres {
		var rows []serviceFacetRow
		for _, rec := range recs {
			for _, k := range rec.services {
				rows = append(rows, serviceFacetRow{
					OrganizationID: rec.org.ID, Position: k.Position, FacetKey: k.FacetKey,
				})
			}
		}
		if len(rows) == 0 {
			return nil
		}
		return idb.NewInsert().Model(&rows).Returning("NULL")
	}

	var rows []serviceSearchRow
	for _, rec := range recs {
		for _, k := range rec.services {
			rows = append(rows, serviceSearchRow{
				RowID: rec.org.ID*serviceSlots + int64(k.Position), FacetKey: k.FacetKey,
			})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return idb.NewInsert().Model(&rows)
}

// insertServiceKeys inserts the service keys of recs.
func insertServiceKeys(ctx context.Context, idb bun.IDB, dialect string, recs []*record) error {
	q := serviceKeyInsert(idb, dialect, recs)
	if q == nil {
		return nil
	}
	if _, err := q.Exec(ctx); err != nil {
		return fmt.Errorf("insert service keys: %w", err)
	}
	return nil
}

// deleteServiceKeys deletes the service keys of the organizations with
// IDs from first to last.
func deleteServiceKeys(ctx context.Context, idb bun.IDB, dialect string, first, last int64) error {
	var err error
	if dialect == DialectPostgres {
		_, err = idb.NewDelete().Model((*serviceFacetRow)(nil)).
			Where("organization_id BETWEEN ? AND ?", first, last).Exec(ctx)
	} else {
		_, err = idb.NewDelete().Model((*serviceSearchRow)(nil)).
			Where("rowid BETWEEN ? AND ?", first*serviceSlots, last*serviceSlots+serviceSlots-1).
			Exec(ctx)
	}
	if err != nil {
		return fmt.Errorf("delete service keys: %w", err)
	}
	return nil
}

// replaceServiceKeys writes the service keys of recs in place of those
// stored for the organizations with IDs from first to last, which hold
// the IDs of recs.
func replaceServiceKeys(ctx context.Context, idb bun.IDB, dialect string, first, last int64, recs []*record) error {
	if err := deleteServiceKeys(ctx, idb, dialect, first, last); err != nil {
		return err
	}
	return insertServiceKeys(ctx, idb, dialect, recs)
}
