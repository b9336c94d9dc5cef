package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Types shaped like the API's, to decode test bodies into.
type (
	testBase struct {
		Note string `json:"note"`
	}
	testPlace struct {
		Province int               `json:"province"`
		Name     map[string]string `json:"name"`
		At       *time.Time        `json:"at"`
	}
	testRecord struct {
		testBase
		Places  []testPlace          `json:"places"`
		Tags    []string             `json:"tags"`
		Grid    [][]int              `json:"grid"`
		ByCode  map[string]testPlace `json:"by_code"`
		Skipped string               `json:"-"`
		Plain   string
	}
)

// decodeFields decodes body into a testRecord as decodeJSON does and
// returns the fields its error names.
func decodeFields(t *testing.T, body string) map[string]string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(body)))
	dec.DisallowUnknownFields()
	var v testRecord
	err := dec.Decode(&v)
	require.Error(t, err)

	var ae *apiError
	require.True(t, errors.As(decodeError(err, []byte(body), reflect.TypeOf(&v)), &ae))
	return ae.fields
}

func TestDecodeErrorPaths(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		field   string
		message string
	}{
		{"wrong type in the second element", `{"places":[{"province":34},{"province":"x"}]}`,
			"places[1].province", "must be a whole number"},
		{"fraction where a whole number goes",
			`{"places":[{"province":34},{"province":1.5},{"province":2.5}]}`,
			"places[1].province", "must be a whole number"},
		{"value of a map", `{"places":[{"name":{"tr":"a"}},{"name":{"en":"b","tr":5}}]}`,
			"places[1].name.tr", "must be a string"},
		{"element of a list", `{"tags":["a",5]}`, "tags[1]", "must be a string"},
		{"element that is no object", `{"places":[{"province":1},5]}`, "places[1]",
			"must be an object"},
		{"object where a list goes", `{"places":{"province":1}}`, "places", "must be a list"},
		{"list in a list", `{"grid":[[1],[2,"x"]]}`, "grid[1][1]", "must be a whole number"},
		{"keys in other case", `{"Places":[{"PROVINCE":"x"}]}`, "places[0].province",
			"must be a whole number"},
		{"field of an embedded struct", `{"note":5}`, "note", "must be a string"},
		{"field of a map's value",
			`{"by_code":{"a":{"province":1},"b":{"province":"x"}}}`,
			"by_code.b.province", "must be a whole number"},
		{"element of a list in a list", `{"grid":[[1,2],[3],["x"]]}`, "grid[2][0]",
			"must be a whole number"},
		{"repeated key", `{"tags":"a","tags":["b"]}`, "tags", "must be a list"},
		{"null is no fault", `{"places":[{"province":null},{"province":true}]}`,
			"places[1].province", "must be a whole number"},

		{"unknown at the top", `{"bogus":1}`, "bogus", "unknown field"},
		{"unknown in the second element", `{"places":[{"province":34},{"bogus":1}]}`,
			"places[1].bogus", "unknown field"},
		{"known at the top, unknown below", `{"note":"a","places":[{"note":"x"}]}`,
			"places[0].note", "unknown field"},
		{"unknown beside a time", `{"places":[{"at":"2026-01-02T03:04:05Z","bogus":1}]}`,
			"places[0].bogus", "unknown field"},
		{"unknown in a map's value", `{"by_code":{"a":{"province":1},"b":{"bogus":1}}}`,
			"by_code.b.bogus", "unknown field"},
		{"field the decoder skips", `{"Skipped":"x"}`, "Skipped", "unknown field"},
		{"untagged field in other case", `{"plain":"x","places":[{"Plain":"y"}]}`,
			"places[0].Plain", "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, map[string]string{tt.field: tt.message}, decodeFields(t, tt.body))
		})
	}
}
