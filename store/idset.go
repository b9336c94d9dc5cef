package store

import (
	"encoding/binary"
	"math/bits"
)

// idSet is a set of organization IDs, one bit per ID: ID id is bit
// (id & 63) of word (id >> 6). Sets of the matches of a search are
// combined and counted with it, a word at a time.
type idSet struct {
	words []uint64
}

// add puts id in the set.
func (s *idSet) add(id int64) {
	w := int(id >> 6)
	if w >= len(s.words) {
		s.words = append(s.words, make([]uint64, w+1-len(s.words))...)
	}
	s.words[w] |= 1 << (id & 63)
}

// has reports whether id is in the set.
func (s *idSet) has(id int64) bool {
	w := int(id >> 6)
	return id >= 0 && w < len(s.words) && s.words[w]&(1<<(id&63)) != 0
}

// len returns how many IDs the set holds.
func (s *idSet) len() int {
	n := 0
	for _, w := range s.words {
		n += bits.OnesCount64(w)
	}
	return n
}

// or adds the IDs of o to the set.
func (s *idSet) or(o *idSet) {
	if len(o.words) > len(s.words) {
		s.words = append(s.words, make([]uint64, len(o.words)-len(s.words))...)
	}
	for i, w := range o.words {
		s.words[i] |= w
	}
}

// and keeps in the set only the IDs that o holds too.
func (s *idSet) and(o *idSet) {
	for i := range s.words {
		if i < len(o.words) {
			s.words[i] &= o.words[i]
		} else {
			s.words[i] = 0
		}
	}
}

// andNot takes the IDs of o out of the set.
func (s *idSet) andNot(o *idSet) {
	for i := range min(len(s.words), len(o.words)) {
		s.words[i] &^= o.words[i]
	}
}

// clone returns a copy of the set.
func (s *idSet) clone() *idSet {
	return &idSet{words: append([]uint64(nil), s.words...)}
}

// ids returns the IDs of the set in increasing order.
func (s *idSet) ids() []int64 {
	out := make([]int64, 0, s.len())
	for i, w := range s.words {
		for w != 0 {
			out = append(out, int64(i)<<6+int64(bits.TrailingZeros64(w)))
			w &= w - 1
		}
	}
	return out
}

// addChunk adds the IDs of a chunk of a facet bitmap as the databases
// store it (see chunkShift): its bytes hold the bits of consecutive IDs
// from the chunk's first, each byte the first of its eight in its high
// bit, as PostgreSQL orders the bits of a bit string.
func (s *idSet) addChunk(chunk int64, b []byte) {
	first := chunk << chunkShift
	last := first + int64(len(b))*8 - 1
	if w := int(last >> 6); w >= len(s.words) {
		s.words = append(s.words, make([]uint64, w+1-len(s.words))...)
	}

	// A chunk starts at a word boundary, so each eight bytes fill one
	// word, the first byte its lowest bits, each byte reversed: read as a
	// big-endian number and reversed whole, they are in place.
	words := s.words[first>>6:]
	for k := 0; k+8 <= len(b); k += 8 {
		words[k>>3] |= bits.Reverse64(binary.BigEndian.Uint64(b[k:]))
	}
	for k := len(b) &^ 7; k < len(b); k++ {
		words[k>>3] |= uint64(bits.Reverse8(b[k])) << (8 * (k & 7))
	}
}
