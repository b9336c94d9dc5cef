package storetest

import (
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
)

// testSearchLongWord searches for a word that folding makes far longer
// than it looks: U+3316 SQUARE KIROMEETORU stands for the six katakana of
// "kiromeetoru", 18 bytes, so 150 of them fold to one word of 2,700
// bytes. Such a word matches nothing and is no error, alone or with
// other words, while a short word of the same squares is found.
func testSearchLongWord(t *testing.T, s cso.Store) {
	mustCreate(t, s,
		newOrg("kilometre-kosu", "㌖㌖ Koşu Kulübü"),
		newOrg("mahalle-kosu", "Mahalle Koşu Derneği"),
	)
	long := strings.Repeat("㌖", 150)

	for _, text := range []string{long, long + " kosu", "kosu " + long} {
		res := mustSearch(t, s, cso.Query{Text: text})
		assert.Empty(t, res.Items, "search of %d bytes", len(text))
		assert.Equal(t, 0, res.Total)
		assert.Empty(t, res.NextPageToken)
	}

	res := mustSearch(t, s, cso.Query{Text: "㌖㌖"})
	assert.Equal(t, []string{"kilometre-kosu"}, slugs(res))
	assert.Equal(t, 1, res.Total)
}
