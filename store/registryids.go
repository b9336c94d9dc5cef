package store

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// registryIDsSetting names the setting that holds the version of the
// form in which registry identifiers are stored.
const registryIDsSetting = "registry_ids_version"

// registryIDsVersion counts the changes to the form in which registry
// identifiers are stored. Version 1 writes them in canonical form (see
// cso.NormalizeRegistryID), so that "000123" and "123" are one
// identifier. A database of an earlier version has the identifiers it
// holds rewritten as it is migrated.
const registryIDsVersion = 1

// registryRow is the registry identifier of an organization.
type registryRow struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`

	ID         int64  `bun:"id,pk"`
	Slug       string `bun:"slug"`
	RegistryID string `bun:"registry_id"`
}

// keptRegistryID is a stored registry identifier that could not be
// rewritten in canonical form. It stays as it is, and updates that leave
// it alone keep it (see cso.Directory.Update).
type keptRegistryID struct {
	Slug       string
	RegistryID string

	// Canonical is the canonical form, which another organization holds;
	// it is empty for an identifier that no form makes valid, such as a
	// tax number with a wrong check digit.
	Canonical string
}

// updateRegistryIDs rewrites every stored registry identifier in
// canonical form if the database is of an earlier version, and records
// the version. An identifier whose canonical form another organization
// holds, or that has no valid form, is kept, and logged at Warn level
// with the slug of its organization if the DB has a logger, so that
// someone can settle it.
func (db *DB) updateRegistryIDs(ctx context.Context) error {
	version, err := db.storedVersion(ctx, registryIDsSetting, 0)
	if err != nil || version >= registryIDsVersion {
		return err
	}

	kept, err := db.rewriteRegistryIDs(ctx)
	if err != nil {
		return fmt.Errorf("store: rewrite registry identifiers: %w", err)
	}
	if db.logger != nil {
		for _, k := range kept {
			logKeptRegistryID(ctx, db.logger, k)
		}
	}
	return db.saveVersion(ctx, registryIDsSetting, registryIDsVersion)
}

// logKeptRegistryID says why k was kept as it is stored.
func logKeptRegistryID(ctx context.Context, logger *slog.Logger, k keptRegistryID) {
	reason := "no form of it is valid"
	if k.Canonical != "" {
		reason = fmt.Sprintf("another organization holds its canonical form %q", k.Canonical)
	}
	logger.LogAttrs(ctx, slog.LevelWarn, "store: registry identifier kept as stored",
		slog.String("slug", k.Slug), slog.String("registry_id", k.RegistryID),
		slog.String("reason", reason))
}

// rewriteRegistryIDs rewrites in canonical form the stored registry
// identifiers whose canonical form is free, a batch at a time in order of
// IDs, and returns those it kept. Where two identifiers have one
// canonical form, the organization with the lower ID gets it. The
// organizations keep their versions and times, as each holds the same
// identifier, written in its one form. Each batch is a write transaction
// of its own, which other writers wait for.
func (db *DB) rewriteRegistryIDs(ctx context.Context) ([]keptRegistryID, error) {
	s := &organizationStore{db: db, idb: db.bun}
	var kept []keptRegistryID
	var after int64
	for {
		var last int64
		var batch []keptRegistryID
		err := s.runInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
			var err error
			last, batch, err = rewriteRegistryIDsAfter(ctx, tx, after)
			return err
		})
		if err != nil {
			return kept, err
		}
		if last == 0 {
			return kept, nil
		}
		after, kept = last, append(kept, batch...)
	}
}

// rewriteRegistryIDsAfter rewrites the registry identifiers of the first
// rebuildBatch organizations with one and with IDs after the one given,
// and returns the last ID it read, 0 if none, and the identifiers it
// kept.
func rewriteRegistryIDsAfter(ctx context.Context, idb bun.IDB, after int64) (int64, []keptRegistryID, error) {
	var rows []registryRow
	if err := idb.NewSelect().Model(&rows).
		Where("id > ?", after).Where("registry_id IS NOT NULL").
		OrderExpr("id").Limit(rebuildBatch).Scan(ctx); err != nil {
		return 0, nil, err
	}
	if len(rows) == 0 {
		return 0, nil, nil
	}

	var kept []keptRegistryID
	var stale []registryRow
	for _, r := range rows {
		switch canonical := cso.NormalizeRegistryID(r.RegistryID); {
		case !cso.ValidRegistryID(canonical):
			kept = append(kept, keptRegistryID{Slug: r.Slug, RegistryID: r.RegistryID})
		case canonical != r.RegistryID:
			stale = append(stale, r)
		}
	}

	moreKept, err := rewriteFree(ctx, idb, stale)
	return rows[len(rows)-1].ID, append(kept, moreKept...), err
}

// rewriteFree writes the registry identifier of each row in canonical
// form, in the order of rows, unless another organization holds that
// form; it returns the rows it kept.
func rewriteFree(ctx context.Context, idb bun.IDB, rows []registryRow) ([]keptRegistryID, error) {
	if len(rows) == 0 {
		return nil, nil
	}

	canonical := make([]string, len(rows))
	for i, r := range rows {
		canonical[i] = cso.NormalizeRegistryID(r.RegistryID)
	}

	var held []string
	if err := idb.NewSelect().Model((*registryRow)(nil)).Column("registry_id").
		Where("registry_id IN (?)", bun.List(canonical)).
		Scan(ctx, &held); err != nil {
		return nil, err
	}
	taken := make(map[string]bool, len(held))
	for _, id := range held {
		taken[id] = true
	}

	var kept []keptRegistryID
	for i, r := range rows {
		if taken[canonical[i]] {
			kept = append(kept, keptRegistryID{r.Slug, r.RegistryID, canonical[i]})
			continue
		}
		if _, err := idb.NewUpdate().Model((*registryRow)(nil)).
			Set("registry_id = ?", canonical[i]).
			Where("id = ?", r.ID).Exec(ctx); err != nil {
			return nil, err
		}
		taken[canonical[i]] = true
	}
	return kept, nil
}
