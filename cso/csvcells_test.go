package cso_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

// readCSVRowErrors reads text, which must be refused, and returns its
// row errors.
func readCSVRowErrors(t *testing.T, text string) []cso.RowError {
	t.Helper()
	orgs, err := cso.ReadCSV(strings.NewReader(text))
	assert.Nil(t, orgs)

	var ie *cso.ImportError
	require.ErrorAs(t, err, &ie)
	return ie.Rows
}

// A bad text is reported under the column of its language, each bad
// language on its own.
func TestReadCSVReportsTextsUnderTheColumnOfTheirLanguage(t *testing.T) {
	const (
		head     = "name_tr,name_en,name_ar,kind,description_tr,description_ar\n"
		lineFeed = "must be on one line: remove the line break U+000A"
	)
	tests := []struct {
		name string
		row  string
		want []cso.RowError
	}{
		{"line break in the English name",
			"Bir Derneği,\"One\nAssociation\",,other,,",
			[]cso.RowError{{Line: 2, Column: "name_en", Reason: lineFeed}}},
		{"control character in the Arabic description",
			"Bir Derneği,,,other,Açıklama,\"وصف\x01\"",
			[]cso.RowError{{Line: 2, Column: "description_ar",
				Reason: "must not contain the control character U+0001"}}},
		{"bad Turkish and Arabic names",
			"\"Bir\nDerneği\",,\"جمعية\x00\",other,,",
			[]cso.RowError{
				{Line: 2, Column: "name_tr", Reason: lineFeed},
				{Line: 2, Column: "name_ar",
					Reason: "must not contain the control character U+0000"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, readCSVRowErrors(t, head+tt.row+"\n"))
		})
	}
}

func TestReadCSVRequiresTheKindColumn(t *testing.T) {
	text := "name_tr,name_en\nBir Derneği,One\nİki Derneği,Two\n"

	assert.Equal(t, []cso.RowError{
		{Line: 1, Column: "kind", Reason: "required column is missing"},
	}, readCSVRowErrors(t, text))
}
