package store

import (
	"testing"

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
