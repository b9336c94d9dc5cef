package store

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// searchKeysSetting names the setting that holds the version of the way
// the stored search keys of organizations were made.
const searchKeysSetting = "search_keys_version"

// searchKeysVersion counts the changes to what the name, rest and facet
// keys of an organization hold (see newRecord). A database that holds
// keys of an earlier version, or none, has them made anew as it is
// migrated. Version 2 added the districts and addresses of public
// offices to the rest, and the base languages of services to the facets;
// version 3 bounds the keys (see maxSearchKeys); version 4 began the
// rest with the labels of the service areas, target groups and provinces
// of the facets, in every language of the reference tables, and version
// 5 leaves them out again, since a search matches them through the facet
// tokens (see labelTokens); version 6 adds the keys of each service (see
// serviceKeys).
const searchKeysVersion = 6

// rebuildBatch is how many organizations one transaction of a rebuild
// reads and writes.
const rebuildBatch = 1000

// keyRow is the search keys of an organization, as a rebuild writes them.
type keyRow struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`

	ID       int64  `bun:"id,pk"`
	NameKey  string `bun:"name_key"`
	RestKey  string `bun:"rest_key"`
	FacetKey string `bun:"facet_key"`
}

// keysOf returns the search keys of r.
func keysOf(r *organizationRow) keyRow {
	return keyRow{ID: r.ID, NameKey: r.NameKey, RestKey: r.RestKey, FacetKey: r.FacetKey}
}

// updateSearchKeys makes the search keys of every organization anew if
// they are of an earlier version, and records the version.
func (db *DB) updateSearchKeys(ctx context.Context) error {
	version, err := db.storedKeysVersion(ctx)
	if err != nil || version >= searchKeysVersion {
		return err
	}

	changed, err := db.rebuildSearchKeys(ctx)
	if err != nil {
		return fmt.Errorf("store: rebuild search keys: %w", err)
	}
	if db.dialect == DialectSQLite && changed >= optimizeAfter {
		if err := optimizeSearchIndex(ctx, db.bun); err != nil {
			return fmt.Errorf("store: rebuild search keys: %w", err)
		}
	}

	return db.saveVersion(ctx, searchKeysSetting, searchKeysVersion)
}

// storedKeysVersion returns the version of the stored search keys: 1,
// the first, when the database does not say.
func (db *DB) storedKeysVersion(ctx context.Context) (int, error) {
	return db.storedVersion(ctx, searchKeysSetting, 1)
}

// rebuildSearchKeys makes the keys of every organization anew, a batch
// at a time in order of IDs, and returns how many changed. Each batch is
// a write transaction of its own, which other writers wait for, so that
// no write falls between the reading of an organization and the writing
// of its keys.
func (db *DB) rebuildSearchKeys(ctx context.Context) (int, error) {
	s := &organizationStore{db: db, idb: db.bun}
	var after int64
	total := 0
	for {
		var last int64
		var changed int
		err := s.runInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
			var err error
			last, changed, err = rebuildKeysAfter(ctx, tx, db.dialect, after)
			return err
		})
		if err != nil {
			return total, err
		}
		if last == 0 {
			return total, nil
		}
		after, total = last, total+changed
	}
}

// rebuildKeysAfter makes anew the keys of the first rebuildBatch
// organizations with IDs after the one given, writes those that changed,
// with their bits in the facet bitmaps, and the keys of all their
// services, and returns the last ID it read, 0 if none, and how many
// organizations' keys changed.
func rebuildKeysAfter(ctx context.Context, idb bun.IDB, dialect string, after int64) (int64, int, error) {
	var rows []*organizationRow
	if err := idb.NewSelect().Model(&rows).Where("id > ?", after).
		OrderExpr("id").Limit(rebuildBatch).Scan(ctx); err != nil {
		return 0, 0, err
	}
	if len(rows) == 0 {
		return 0, 0, nil
	}

	orgs, err := loadDetails(ctx, idb, rows, true)
	if err != nil {
		return 0, 0, err
	}
	var stale []keyRow
	bits := newFacetBits(dialect)
	recs := make([]*record, len(orgs))
	for i, o := range orgs {
		recs[i] = newRecord(o)
		if want := keysOf(&recs[i].org); want != keysOf(rows[i]) {
			stale = append(stale, want)
			bits.move(want.ID, rows[i].FacetKey, want.FacetKey)
		}
	}

	// The keys of the services are not compared but written anew.
	last := rows[len(rows)-1].ID
	if err := replaceServiceKeys(ctx, idb, dialect, rows[0].ID, last, recs); err != nil {
		return 0, 0, err
	}
	if err := writeKeys(ctx, idb, stale); err != nil {
		return 0, 0, err
	}
	return last, len(stale), bits.write(ctx, idb)
}

// writeKeys writes the keys of the rows with one statement.
func writeKeys(ctx context.Context, idb bun.IDB, rows []keyRow) error {
	if len(rows) == 0 {
		return nil
	}
	_, err := idb.NewUpdate().
		With("_data", idb.NewValues(&rows)).
		Model(&rows).
		TableExpr("_data").
		Set("name_key = _data.name_key").
		Set("rest_key = _data.rest_key").
		Set("facet_key = _data.facet_key").
		Where("o.id = _data.id").
		Exec(ctx)
	return err
}
