package store

import (
	"testing"

	"github.com/musterekproje/musterek/cso"

	"github.com/stretchr/testify/assert"
)

// TestFTSPrefixSplitsLikeTheTokenizer: a term that SQLite's tokenizer
// splits at U+1734 asks for each piece, whole but for the last, which
// may begin a token unless the term ends with the separator.
func TestFTSPrefixSplitsLikeTheTokenizer(t *testing.T) {
	tests := []struct{ term, want string }{
		{"kurum", `"kurum"*`},
		{"a\u1734b", `("a" AND "b"*)`},
		{"a\u1734", `"a"`},
		{"a\u1734b\u1734c", `("a" AND "b" AND "c"*)`},
		{"\u1734ab", `"ab"*`},
		{"ᜋᜅ᜴ᜌᜈ᜴", `("ᜋᜅ" AND "ᜌᜈ")`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ftsSyntax{}.prefix(tt.term), "term %q", tt.term)
	}
}

// TestSearchPlanMatchesLabelsThroughFacets: each word of the text asks
// for a word that starts with it or for the facets whose labels have one
// (cocuk: Çocuklar, the target group children, and Çocuk koruma, the
// service area child protection; a one-letter word names no label). The
// first group on SQLite asks for the words in the names only.
func TestSearchPlanMatchesLabelsThroughFacets(t *testing.T) {
	q := cso.Query{Text: "çocuk a", Province: 34}

	p := newSearchPlan(DialectSQLite, q)
	words := `(("cocuk"* OR "#service_area=child_protection" OR ` +
		`"#target_group=children") AND "a"*)`
	assert.Equal(t, `((`+words+` AND "#province=34")) `+
		`NOT "#status=closed"`, p.all)
	assert.Equal(t, `(({name_key} : (("cocuk"* AND "a"*)) AND "#province=34")) `+
		`NOT "#status=closed"`, p.named)

	p = newSearchPlan(DialectPostgres, q)
	assert.Equal(t, `((('cocuk':* | '#service_area=child_protection' | `+
		`'#target_group=children') & 'a':*) & '#province=34')`, p.all)
}
