package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIDSetOperations(t *testing.T) {
	var a, b idSet
	for _, id := range []int64{1, 63, 64, 200, 8191, 8192} {
		a.add(id)
	}
	for _, id := range []int64{63, 200, 9000} {
		b.add(id)
	}

	assert.Equal(t, 6, a.len())
	assert.True(t, a.has(8191))
	assert.False(t, a.has(2))
	assert.False(t, a.has(1_000_000))

	union := a.clone()
	union.or(&b)
	assert.Equal(t, []int64{1, 63, 64, 200, 8191, 8192, 9000}, union.ids())

	both := a.clone()
	both.and(&b)
	assert.Equal(t, []int64{63, 200}, both.ids())

	rest := a.clone()
	rest.andNot(&b)
	assert.Equal(t, []int64{1, 64, 8191, 8192}, rest.ids())
	assert.Equal(t, 6, a.len(), "the operations leave the original alone")
}

func TestIDSetAddChunk(t *testing.T) {
	// Chunk 1 begins at ID 8192. Its first byte 0b1010_0000 holds IDs
	// 8192 and 8194; byte 9, 0b0000_0001, holds ID 8192+79 = 8271; the
	// last byte's low bit is the chunk's last ID, 16383.
	chunk := make([]byte, chunkBits/8)
	chunk[0] = 0b1010_0000
	chunk[9] = 0b0000_0001
	chunk[len(chunk)-1] = 0b0000_0001

	var s idSet
	s.addChunk(1, chunk)
	assert.Equal(t, []int64{8192, 8194, 8271, 16383}, s.ids())
}

func TestIDSetAddChunkShort(t *testing.T) {
	// A chunk of ten bytes: the eight of the first word and two more,
	// whose bits are those of IDs 64 to 79. 0b0100_0000 in byte 8 is ID
	// 65; 0b1000_0000 in byte 9 is ID 72.
	chunk := make([]byte, 10)
	chunk[7] = 0b0000_0010
	chunk[8] = 0b0100_0000
	chunk[9] = 0b1000_0000

	var s idSet
	s.addChunk(0, chunk)
	assert.Equal(t, []int64{62, 65, 72}, s.ids())
}
