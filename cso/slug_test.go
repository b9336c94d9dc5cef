package cso_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

func TestSlugify(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Sığınmacılar ve Göçmenlerle Dayanışma Derneği",
			"siginmacilar-ve-gocmenlerle-dayanisma-dernegi"},
		{"SGDD-ASAM", "sgdd-asam"},
		{"İKGV / HRDF", "ikgv-hrdf"},
		{"ÇĞIİÖŞÜ çğıiöşü", "cgiiosu-cgiiosu"},
		{"  --Mülteci-Der--  ", "multeci-der"},
		{"Kadın'ın Hakları 2024!", "kadin-in-haklari-2024"},
		{"Café Noël", "cafe-noel"},
		{"جمعية ASAM", "asam"},
		{"جمعية اللاجئين", ""},
		{"", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cso.Slugify(tt.in), "Slugify(%q)", tt.in)
	}
}

func TestSlugifyCutsLongNamesAtWords(t *testing.T) {
	// Ten 7-letter words: 10*7 + 9 hyphens = 79 bytes, plus an eleventh.
	words := strings.Repeat("abcdefg ", 10) + "hijklmn"
	want79 := strings.TrimSuffix(strings.Repeat("abcdefg-", 10), "-")

	tests := []struct {
		name, in, want string
	}{
		{"cut before the word that does not fit", words, want79},
		{"exactly 80 bytes kept",
			strings.Repeat("a", 80), strings.Repeat("a", 80)},
		{"boundary right after 80 bytes",
			strings.Repeat("a", 80) + " b", strings.Repeat("a", 80)},
		{"one long word cut hard",
			strings.Repeat("ş", 90), strings.Repeat("s", 80)},
		{"word cut keeps earlier words",
			"kısa " + strings.Repeat("u", 100), "kisa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cso.Slugify(tt.in)
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, len(got), 80)
		})
	}
}
