package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQueryParametersAreChecked(t *testing.T) {
	s := startServer(t)
	const orgs = "/api/v1/organizations"

	tests := []struct {
		name   string
		path   string
		status int
		field  string // the one key of "fields", when set
	}{
		{"invalid UTF-8 in the text", orgs + "?q=%ff", 400, "q"},
		{"UTF-8 sequence cut short", orgs + "?q=%c3", 400, "q"},
		{"invalid UTF-8 in a number", orgs + "?province=%ff", 400, "province"},
		{"invalid UTF-8 in the page token", orgs + "?page_token=%80", 400, "page_token"},
		{"invalid UTF-8 in the language", "/api/v1/provinces?lang=%ff", 400, "lang"},
		{"invalid UTF-8 in a parameter no route reads",
			orgs + "/sgdd-asam?x=%fe", 400, "x"},
		{"malformed escape", orgs + "?q=%zz", 400, ""},
		{"semicolon between parameters", orgs + "?q=hukuk;limit=1", 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.get(tt.path, "")
			assert.Equal(t, tt.status, res.status, "body: %s", res.body)

			got := decode[apiErrorBody](t, res)
			assert.Equal(t, "bad_request", got.Error.Code)
			assert.NotEmpty(t, got.Error.Message)
			if tt.field == "" {
				assert.Empty(t, got.Error.Fields)
			} else {
				assert.Len(t, got.Error.Fields, 1)
				assert.Contains(t, got.Error.Fields, tt.field)
			}
		})
	}
}

func TestEscapedUTF8QueryIsSearched(t *testing.T) {
	s := startServer(t)

	// %C3%A7 is ç in UTF-8.
	res := s.get("/api/v1/organizations?q=%C3%A7ocuk", "")
	require.Equal(t, http.StatusOK, res.status, "body: %s", res.body)
	assert.NotZero(t, decode[searchPage](t, res).Total)
}
