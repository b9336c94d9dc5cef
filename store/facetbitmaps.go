package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/uptrace/bun"
)

// bitmapBytes is the size of the bits of a chunk of facet_bitmaps on
// SQLite: bit n of a chunk is byte n>>3 under mask 0x80>>(n&7), the order
// in which PostgreSQL sends a bit string.
const bitmapBytes = chunkBits / 8

// bitmapUpsertRows is how many chunks one statement writes: a chunk takes
// 2 KiB written out in hexadecimal.
const bitmapUpsertRows = 256

// facetBitmapRow is a row of facet_bitmaps on SQLite.
type facetBitmapRow struct {
	bun.BaseModel `bun:"table:facet_bitmaps"`

	Token string `bun:"token,pk"`
	Chunk int64  `bun:"chunk,pk"`
	Bits  []byte `bun:"bits"`
}

// facetKeyRow is the facet key of an organization, as read or deleted.
type facetKeyRow struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`

	ID       int64  `bun:"id"`
	FacetKey string `bun:"facet_key"`
}

// bitmapKey names a row of facet_bitmaps.
type bitmapKey struct {
	token string
	chunk int64
}

// bitmapChange is what a write does to one chunk: the bits it sets and
// those it clears.
type bitmapChange struct {
	set, clear [bitmapBytes]byte
}

// facetBits gathers, by chunk, the bits of facet_bitmaps that a write
// sets and clears on SQLite, so that it reads and writes each chunk it
// touches once, however many organizations it writes. On PostgreSQL,
// whose triggers keep the bitmaps, it is nil and does nothing.
type facetBits map[bitmapKey]*bitmapChange

// newFacetBits returns an empty facetBits for the dialect.
func newFacetBits(dialect string) facetBits {
	if dialect != DialectSQLite {
		return nil
	}
	return make(facetBits)
}

// bitPosition returns the byte of its chunk that holds the bit of
// organization id, and the mask of the bit in it.
func bitPosition(id int64) (int, byte) {
	n := id & chunkMask
	return int(n >> 3), 0x80 >> (n & 7)
}

// set sets the bits of organization id for the tokens of its facet key.
func (b facetBits) set(id int64, facetKey string) {
	b.change(id, facetKey, true)
}

// clear clears the bits of organization id for the tokens of its facet
// key.
func (b facetBits) clear(id int64, facetKey string) {
	b.change(id, facetKey, false)
}

// move clears the bits of organization id for the tokens of its old facet
// key and sets them for those of its new one, if the key changed.
func (b facetBits) move(id int64, old, new string) {
	if old == new {
		return
	}
	b.clear(id, old)
	b.set(id, new)
}

// change sets or clears the bits of organization id. The last change of
// a bit wins, so the changes of a write may follow one another.
func (b facetBits) change(id int64, facetKey string, present bool) {
	if b == nil {
		return
	}

	chunk := id >> chunkShift
	at, mask := bitPosition(id)
	for token := range strings.SplitSeq(facetKey, " ") {
		if token == "" {
			continue
		}

		k := bitmapKey{token, chunk}
		c := b[k]
		if c == nil {
			c = new(bitmapChange)
			b[k] = c
		}
		if present {
			c.set[at] |= mask
			c.clear[at] &^= mask
		} else {
			c.clear[at] |= mask
			c.set[at] &^= mask
		}
	}
}

// storedKey returns the facet key stored for organization id, whose bits
// an update clears: empty if there is no such organization, and, without
// reading it, on PostgreSQL.
func (b facetBits) storedKey(ctx context.Context, idb bun.IDB, id int64) (string, error) {
	if b == nil {
		return "", nil
	}

	var keys []string
	err := idb.NewSelect().Model((*facetKeyRow)(nil)).Column("facet_key").
		Where("id = ?", id).Scan(ctx, &keys)
	if err != nil || len(keys) == 0 {
		return "", err
	}
	return keys[0], nil
}

// write applies the gathered changes to facet_bitmaps: it reads the
// chunks touched, changes their bits, writes back those with a bit set
// and deletes those left without one.
func (b facetBits) write(ctx context.Context, idb bun.IDB) error {
	if len(b) == 0 {
		return nil
	}

	stored, err := b.read(ctx, idb)
	if err != nil {
		return err
	}

	var kept []facetBitmapRow
	var emptied []bitmapKey
	for _, k := range b.keys() {
		bits, ok := stored[k]
		c := b[k]
		for i := range bits {
			bits[i] = bits[i]&^c.clear[i] | c.set[i]
		}

		switch {
		case bits != [bitmapBytes]byte{}:
			kept = append(kept, facetBitmapRow{Token: k.token, Chunk: k.chunk, Bits: bits[:]})
		case ok:
			emptied = append(emptied, k)
		}
	}

	if err := upsertBitmaps(ctx, idb, kept); err != nil {
		return err
	}
	return deleteBitmaps(ctx, idb, emptied)
}

// keys returns the chunks touched, in order.
func (b facetBits) keys() []bitmapKey {
	return slices.SortedFunc(maps.Keys(b), func(x, y bitmapKey) int {
		return cmp.Or(strings.Compare(x.token, y.token), cmp.Compare(x.chunk, y.chunk))
	})
}

// read returns the stored bits of the chunks touched, with one query for
// the tokens and chunks touched, whose rows may be a few more.
func (b facetBits) read(ctx context.Context, idb bun.IDB) (map[bitmapKey][bitmapBytes]byte, error) {
	tokens := make(map[string]bool)
	chunks := make(map[int64]bool)
	for k := range b {
		tokens[k.token], chunks[k.chunk] = true, true
	}

	var rows []facetBitmapRow
	err := idb.NewSelect().Model(&rows).
		Where("token IN (?)", bun.List(slices.Sorted(maps.Keys(tokens)))).
		Where("chunk IN (?)", bun.List(slices.Sorted(maps.Keys(chunks)))).
		Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("read facet bitmaps: %w", err)
	}

	stored := make(map[bitmapKey][bitmapBytes]byte, len(rows))
	for _, r := range rows {
		if len(r.Bits) != bitmapBytes {
			return nil, fmt.Errorf("facet bitmap of %s, chunk %d, holds %d bytes, not %d",
				r.Token, r.Chunk, len(r.Bits), bitmapBytes)
		}
		stored[bitmapKey{r.Token, r.Chunk}] = [bitmapBytes]byte(r.Bits)
	}
	return stored, nil
}

// upsertBitmaps writes the rows in place of those stored with their keys.
func upsertBitmaps(ctx context.Context, idb bun.IDB, rows []facetBitmapRow) error {
	for group := range slices.Chunk(rows, bitmapUpsertRows) {
		_, err := idb.NewInsert().Model(&group).
			On("CONFLICT (token, chunk) DO UPDATE").
			Set("bits = EXCLUDED.bits").
			Exec(ctx)
		if err != nil {
			return fmt.Errorf("write facet bitmaps: %w", err)
		}
	}
	return nil
}

// deleteBitmaps deletes the rows with the keys, one statement per chunk.
func deleteBitmaps(ctx context.Context, idb bun.IDB, keys []bitmapKey) error {
	tokens := make(map[int64][]string)
	for _, k := range keys {
		tokens[k.chunk] = append(tokens[k.chunk], k.token)
	}

	for chunk, ts := range tokens {
		_, err := idb.NewDelete().Model((*facetBitmapRow)(nil)).
			Where("chunk = ?", chunk).
			Where("token IN (?)", bun.List(ts)).
			Exec(ctx)
		if err != nil {
			return fmt.Errorf("delete facet bitmaps: %w", err)
		}
	}
	return nil
}

// facetBitmapsSetting names the setting that holds the version of the
// facet bitmaps of a SQLite database.
const facetBitmapsSetting = "facet_bitmaps_version"

// facetBitmapsVersion counts the changes to what facet_bitmaps holds on
// SQLite. A database without the setting, which the migration that
// creates the table removes, or of an earlier version, has its bitmaps
// made anew from the facet keys as it is migrated.
const facetBitmapsVersion = 1

// updateFacetBitmaps makes the facet bitmaps of a SQLite database anew if
// they are not of the current version, and records the version.
// PostgreSQL's triggers keep its bitmaps, which its migration filled.
func (db *DB) updateFacetBitmaps(ctx context.Context) error {
	if db.dialect != DialectSQLite {
		return nil
	}
	version, err := db.storedVersion(ctx, facetBitmapsSetting, 0)
	if err != nil || version >= facetBitmapsVersion {
		return err
	}

	if err := db.refillFacetBitmaps(ctx); err != nil {
		return fmt.Errorf("store: fill facet bitmaps: %w", err)
	}
	return db.saveVersion(ctx, facetBitmapsSetting, facetBitmapsVersion)
}

// refillFacetBitmaps makes the facet bitmaps anew from the facet keys, a
// chunk of IDs at a time, in order. Each chunk is a write transaction of
// its own, which other writers wait for. A write between two of them
// changes the bits of the chunks made already as it would at any time,
// and the facet keys of the chunks still to be made.
func (db *DB) refillFacetBitmaps(ctx context.Context) error {
	s := &organizationStore{db: db, idb: db.bun}
	after := int64(-1)
	for {
		var chunk int64
		var more bool
		err := s.runInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
			var err error
			chunk, more, err = refillChunkAfter(ctx, tx, after)
			return err
		})
		if err != nil || !more {
			return err
		}
		after = chunk
	}
}

// refillChunkAfter makes anew the facet bitmaps of the first chunk after
// the one given that holds organizations, and deletes those of the
// chunks between, which hold none. It returns that chunk and true, or,
// when no chunk after the one given holds organizations, deletes the
// bitmaps of them all and returns false.
func refillChunkAfter(ctx context.Context, idb bun.IDB, after int64) (int64, bool, error) {
	var first []int64
	err := idb.NewSelect().Model((*facetKeyRow)(nil)).Column("id").
		Where("id >= ?", (after+1)<<chunkShift).
		OrderExpr("id").Limit(1).Scan(ctx, &first)
	if err != nil {
		return 0, false, err
	}
	if len(first) == 0 {
		_, err := idb.NewDelete().Model((*facetBitmapRow)(nil)).
			Where("chunk > ?", after).Exec(ctx)
		return 0, false, err
	}

	chunk := first[0] >> chunkShift
	var rows []facetKeyRow
	if err := idb.NewSelect().Model(&rows).
		Where("id BETWEEN ? AND ?", chunk<<chunkShift, chunk<<chunkShift|chunkMask).
		Scan(ctx); err != nil {
		return 0, false, err
	}
	if _, err := idb.NewDelete().Model((*facetBitmapRow)(nil)).
		Where("chunk > ? AND chunk <= ?", after, chunk).Exec(ctx); err != nil {
		return 0, false, err
	}

	bits := make(facetBits)
	for _, r := range rows {
		bits.set(r.ID, r.FacetKey)
	}
	return chunk, true, bits.write(ctx, idb)
}
