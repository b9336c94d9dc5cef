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

// CreateOrganization implements cso.Store.
func (s *organizationStore) CreateOrganization(ctx context.Context, o *cso.Organization) error {
	rec := newCreatedRecord(o, s.db.timestamp())
	err := s.write(ctx, func(ctx context.Context, idb bun.IDB) error {
		return insertRecords(ctx, idb, s.db.dialect, []*record{rec})
	})
	if err != nil {
		return writeError(fmt.Sprintf("create organization %q", o.Slug), o, err)
	}

	created(o, rec.org.ID, rec.org.CreatedAt)
	return nil
}

// newCreatedRecord returns the rows that store o when it is created at
// now, in version 1. CreateOrganization and CreateOrganizations both use
// it, so that they write the same rows.
func newCreatedRecord(o *cso.Organization, now time.Time) *record {
	rec := newRecord(o)
	rec.org.Version = 1
	rec.org.CreatedAt, rec.org.UpdatedAt = now, now
	return rec
}

// created gives o what the store set when it inserted o at now with
// the ID.
func created(o *cso.Organization, id int64, now time.Time) {
	o.ID = id
	o.Version = 1
	o.CreatedAt, o.UpdatedAt = now, now
}

// UpdateOrganization implements cso.Store. The slug and the creation
// time stay as stored; o gets them back.
func (s *organizationStore) UpdateOrganization(ctx context.Context, o *cso.Organization) error {
	now := s.db.timestamp()
	rec := newRecord(o)
	rec.org.Version = o.Version + 1
	rec.org.UpdatedAt = now

	err := s.write(ctx, func(ctx context.Context, idb bun.IDB) error {
		bits := newFacetBits(s.db.dialect)
		oldFacetKey, err := bits.storedKey(ctx, idb, o.ID)
		if err != nil {
			return err
		}

		err = idb.NewUpdate().Model(&rec.org).
			ExcludeColumn("id", "slug", "created_at").
			Where("id = ? AND version = ?", o.ID, o.Version).
			Returning("slug, created_at").
			Scan(ctx)
		if errors.Is(err, sql.ErrNoRows) {
			return versionMismatch(ctx, idb, "o.id = ?", o.ID)
		}
		if err != nil {
			return err
		}

		if err := updateDetails(ctx, idb, rec); err != nil {
			return err
		}
		if err := replaceServiceKeys(ctx, idb, s.db.dialect, o.ID, o.ID, []*record{rec}); err != nil {
			return err
		}

		bits.move(o.ID, oldFacetKey, rec.org.FacetKey)
		return bits.write(ctx, idb)
	})
	if err != nil {
		return writeError(fmt.Sprintf("update organization %d", o.ID), o, err)
	}

	o.Slug = rec.org.Slug
	o.CreatedAt = rec.org.CreatedAt.UTC()
	o.UpdatedAt = now
	o.Version = rec.org.Version
	return nil
}

// DeleteOrganization implements cso.Store. Offices, services,
// tokens and the search index entries, the services' too, go with the
// organization, and so do its bits in the facet bitmaps.
func (s *organizationStore) DeleteOrganization(ctx context.Context, slug string, version int) error {
	err := s.write(ctx, func(ctx context.Context, idb bun.IDB) error {
		q := idb.NewDelete().Model((*organizationRow)(nil)).
			Where("slug = ?", slug)
		if version != 0 {
			q = q.Where("version = ?", version)
		}

		var deleted []facetKeyRow
		if err := q.Returning("id, facet_key").Scan(ctx, &deleted); err != nil {
			return err
		}
		if len(deleted) == 0 {
			return versionMismatch(ctx, idb, "o.slug = ?", slug)
		}

		bits := newFacetBits(s.db.dialect)
		for _, r := range deleted {
			bits.clear(r.ID, r.FacetKey)
		}
		return bits.write(ctx, idb)
	})
	if err != nil {
		return fmt.Errorf("store: delete organization %q: %w", slug, markUnavailable(err))
	}
	return nil
}

// versionMismatch explains why a write that named a version changed no
// row: the organization is gone, or it has another version.
func versionMismatch(ctx context.Context, idb bun.IDB, where string, arg any) error {
	exists, err := idb.NewSelect().Model((*organizationRow)(nil)).
		ColumnExpr("1").Where(where, arg).Exists(ctx)
	if err != nil {
		return err
	}
	if !exists {
		return cso.ErrNotFound
	}
	return cso.ErrStaleVersion
}

// writeError wraps err from writing o, naming a taken slug or registry
// identifier.
func writeError(action string, o *cso.Organization, err error) error {
	column, ok := uniqueViolation(err)
	switch {
	case ok && column == "slug":
		return fmt.Errorf("store: %s: %w", action,
			&cso.DuplicateError{Field: "slug", Value: o.Slug})
	case ok && column == "registry_id":
		return fmt.Errorf("store: %s: %w", action,
			&cso.DuplicateError{Field: "registry_id", Value: o.RegistryID})
	case ok:
		return fmt.Errorf("store: %s: %w", action, cso.ErrDuplicate)
	}
	return fmt.Errorf("store: %s: %w", action, markUnavailable(err))
}

// insertRecords inserts new organizations with all their rows and sets
// their IDs. Several records go in with one statement per table. On
// SQLite it sets their bits in the facet bitmaps too.
func insertRecords(ctx context.Context, idb bun.IDB, dialect string, recs []*record) error {
	if len(recs) == 0 {
		return nil
	}

	orgs := make([]*organizationRow, len(recs))
	for i, rec := range recs {
		orgs[i] = &rec.org
	}

	// The database need not return the rows in the order they were
	// given, so each ID is matched to its record by the unique slug.
	var inserted []struct {
		ID   int64  `bun:"id"`
		Slug string `bun:"slug"`
	}
	if err := idb.NewInsert().Model(&orgs).
		ExcludeColumn("id").
		Returning("id, slug").
		Scan(ctx, &inserted); err != nil {
		return err
	}

	ids := make(map[string]int64, len(inserted))
	for _, row := range inserted {
		ids[row.Slug] = row.ID
	}
	for _, rec := range recs {
		rec.setID(ids[rec.org.Slug])
	}
	if err := insertDetails(ctx, idb, recs); err != nil {
		return err
	}
	if err := insertServiceKeys(ctx, idb, dialect, recs); err != nil {
		return err
	}

	bits := newFacetBits(dialect)
	for _, rec := range recs {
		bits.set(rec.org.ID, rec.org.FacetKey)
	}
	return bits.write(ctx, idb)
}

// insertDetails inserts the offices and services of recs.
func insertDetails(ctx context.Context, idb bun.IDB, recs []*record) error {
	_, err := detailInsert(idb, recs).Exec(ctx)
	return err
}

// detailInsert returns the statement that inserts the offices and
// services of recs, reading nothing back. Creating one organization and
// creating many both use it.
func detailInsert(idb bun.IDB, recs []*record) *bun.InsertQuery {
	rows := make([]*detailRow, len(recs))
	for i, rec := range recs {
		rows[i] = &rec.details
	}
	return idb.NewInsert().Model(&rows).Returning("NULL")
}

// updateDetails replaces the offices and services of an organization.
func updateDetails(ctx context.Context, idb bun.IDB, rec *record) error {
	_, err := idb.NewUpdate().Model(&rec.details).WherePK().Exec(ctx)
	return err
}
