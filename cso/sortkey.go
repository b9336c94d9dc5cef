package cso

import (
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sorter is a Turkish collator with the buffer its keys are built in.
type sorter struct {
	col *collate.Collator
	buf collate.Buffer
}

// sorters holds collators for reuse: a Collator is not safe for
// concurrent use and takes longer to make than a key takes to compute.
var sorters = sync.Pool{
	New: func() any {
		return &sorter{col: collate.New(language.Turkish)}
	},
}

// SortKey returns a key whose byte order is Turkish alphabetical order.
//
// Keys compare as plain bytes (memcmp), the way SQLite compares BLOB
// values and PostgreSQL compares bytea values, so a store can order names
// in Turkish without a collation of its own. Letters come in the Turkish
// alphabet's order (c < ç < d, g < ğ < h, ı < i, o < ö, s < ş, u < ü);
// case decides only between names that are otherwise equal.
func SortKey(s string) []byte {
	st := sorters.Get().(*sorter)
	defer sorters.Put(st)

	key := st.col.KeyFromString(&st.buf, s)
	out := make([]byte, len(key))
	copy(out, key)

	st.buf.Reset()
	return out
}
