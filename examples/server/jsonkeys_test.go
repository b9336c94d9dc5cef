package main

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckKeysRefusesRepeatsAndOtherCase(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		field   string
		message string
	}{
		{"key given twice", `{"note":"a","tags":[],"note":"b"}`, "note", "is given twice"},
		{"key given twice in a list element",
			`{"places":[{"province":1},{"province":2,"province":3}]}`,
			"places[1].province", "is given twice"},
		{"map key given twice", `{"places":[{"name":{"tr":"a","tr":"b"}}]}`,
			"places[0].name.tr", "is given twice"},
		{"field in other case", `{"Places":[]}`, "Places",
			`unknown field (names are case-sensitive: "places")`},
		{"nested field in other case", `{"places":[{"Province":34}]}`,
			"places[0].Province", `unknown field (names are case-sensitive: "province")`},
		{"field of an embedded struct in other case", `{"NOTE":"x"}`, "NOTE",
			`unknown field (names are case-sensitive: "note")`},
		{"untagged field in other case", `{"plain":"x"}`, "plain",
			`unknown field (names are case-sensitive: "Plain")`},
		{"map value field in other case", `{"by_code":{"a":{"PROVINCE":1}}}`,
			"by_code.a.PROVINCE", `unknown field (names are case-sensitive: "province")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkKeys([]byte(tt.body), reflect.TypeOf(&testRecord{}))
			var ae *apiError
			require.True(t, errors.As(err, &ae), "got %v", err)
			assert.Equal(t, map[string]string{tt.field: tt.message}, ae.fields)
		})
	}
}

func TestCheckKeysLeavesTheRestToTheDecoder(t *testing.T) {
	for _, body := range []string{
		`{"places":[{"province":34,"name":{"tr":"a","TR":"b"}}],"Plain":"x"}`,
		`{"bogus":1,"places":[{"bogus":{"x":1,"y":2}}]}`, // unknown, not repeated
		`{"places":[{"province":`,                        // not JSON
		`[1,2,{"a":1}]`,
	} {
		assert.NoError(t, checkKeys([]byte(body), reflect.TypeOf(&testRecord{})), body)
	}
}

func TestCheckKeysRefusesDeepNesting(t *testing.T) {
	nested := func(depth int) []byte {
		return []byte(`{"places":` + strings.Repeat("[", depth-1) +
			strings.Repeat("]", depth-1) + `}`)
	}

	assert.NoError(t, checkKeys(nested(maxBodyDepth), reflect.TypeOf(&testRecord{})))

	for _, depth := range []int{maxBodyDepth + 1, 40_000} {
		err := checkKeys(nested(depth), reflect.TypeOf(&testRecord{}))
		var ae *apiError
		require.True(t, errors.As(err, &ae), "depth %d: got %v", depth, err)
		assert.Equal(t, 400, ae.status)
		assert.Contains(t, ae.message, "more than 32 deep")
	}
}

func TestCheckKeysRefusesNullForValues(t *testing.T) {
	const leaveOut = ", not null: leave the field out or give a value"
	tests := []struct {
		body    string
		field   string
		message string
	}{
		{`{"note":null}`, "note", "must be a string" + leaveOut},
		{`{"places":[{"province":34},{"province":null}]}`, "places[1].province",
			"must be a whole number" + leaveOut},
		{`{"by_code":{"a":null}}`, "by_code.a", "must be an object, not null"},
		{`{"tags":["a",null]}`, "tags[1]", "must be a string" + leaveOut},
		{`null`, "", "request body must be an object, not null"},
	}
	for _, tt := range tests {
		err := checkKeys([]byte(tt.body), reflect.TypeOf(&testRecord{}))
		var ae *apiError
		require.True(t, errors.As(err, &ae), "%s: got %v", tt.body, err)
		assert.Equal(t, 400, ae.status, tt.body)
		assert.Equal(t, tt.message, ae.message, tt.body)
		if tt.field != "" {
			assert.Equal(t, map[string]string{tt.field: tt.message}, ae.fields, tt.body)
		}
	}

	// Null means none where a field can hold none.
	none := `{"tags":null,"grid":[null],"by_code":null,"places":[{"name":null,"at":null}]}`
	assert.NoError(t, checkKeys([]byte(none), reflect.TypeOf(&testRecord{})))
}
