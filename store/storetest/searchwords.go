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

// testSearchHanunooWords searches for "Mangyan" in the Hanunoo script,
// ᜋᜅ᜴ᜌᜈ᜴: MA, NGA, the pamudpod U+1734 that silences a vowel, YA, NA
// and the pamudpod again. The pamudpod sits inside the word; a word or
// the start of one that holds it finds the organizations whose name,
// then those whose description, holds the word.
func testSearchHanunooWords(t *testing.T, s cso.Store) {
	inName := newOrg("mangyan-kultur", "ᜋᜅ᜴ᜌᜈ᜴ Kültür Derneği")
	inDescription := newOrg("dag-halklari", "Dağ Halkları Vakfı")
	inDescription.Description = cso.Text{"tr": "ᜋᜅ᜴ᜌᜈ᜴ yazısı kursları"}
	mustCreate(t, s, inName, inDescription, newOrg("kultur", "Kültür Evi"))

	tests := []struct {
		text string
		want []string
	}{
		{"ᜋᜅ᜴ᜌᜈ᜴", []string{"mangyan-kultur", "dag-halklari"}},
		{"ᜋᜅ᜴ᜌ", []string{"mangyan-kultur", "dag-halklari"}},
		{"ᜋᜅ᜴", []string{"mangyan-kultur", "dag-halklari"}},
		{"ᜋᜅ᜴ᜌᜈ᜴ kultur", []string{"mangyan-kultur"}},
		{"ᜋᜅ᜴ᜌᜈ᜴ yazisi", []string{"dag-halklari"}},
		{"ᜋᜅ᜴ᜎ", []string{}},
		{"ᜋᜈ᜴", []string{}},
	}
	for _, tt := range tests {
		assertFinds(t, s, cso.Query{Text: tt.text}, tt.want)
	}
}
