package cso_test

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

var tokenKey = []byte("0123456789abcdef0123456789abcdef")

func TestPageTokenRoundTrip(t *testing.T) {
	q := cso.Query{Text: "çocuk hakları", Province: 34, Limit: 5}
	tests := []cso.PagePosition{
		{},
		{Group: 1, SortKey: cso.SortKey("Çocuk Hakları Derneği"), ID: 42},
		{Group: 0, SortKey: []byte{0, 0, 0}, ID: 1<<63 - 1},
	}
	for _, pos := range tests {
		token := cso.EncodePageToken(tokenKey, q, pos)
		got, err := cso.DecodePageToken(tokenKey, q, token)
		require.NoError(t, err)
		assert.Equal(t, pos.Group, got.Group)
		assert.Equal(t, pos.ID, got.ID)
		assert.True(t, bytes.Equal(pos.SortKey, got.SortKey), "sort key %x", got.SortKey)
		assert.False(t, got.Partial)
	}
}

func TestPageTokenOfLongKey(t *testing.T) {
	q := cso.Query{Province: 6}
	key := cso.SortKey(strings.Repeat("Uzun Bir Dernek Adı ", 250))
	require.Greater(t, len(key), cso.MaxTokenSortKey)

	token := cso.EncodePageToken(tokenKey, q, cso.PagePosition{SortKey: key, ID: 7})
	assert.LessOrEqual(t, len(token), 512, "a Query takes tokens of 512 characters")

	got, err := cso.DecodePageToken(tokenKey, q, token)
	require.NoError(t, err)
	assert.True(t, got.Partial)
	assert.Equal(t, key[:cso.MaxTokenSortKey], got.SortKey)
	assert.Equal(t, int64(7), got.ID)
}

func TestPageTokenRejects(t *testing.T) {
	q := cso.Query{Text: "hukuk", ServiceArea: "legal_counseling"}
	pos := cso.PagePosition{Group: 1, SortKey: cso.SortKey("Hukuk Evi"), ID: 9}
	token := cso.EncodePageToken(tokenKey, q, pos)

	// A token of the first version held an offset, here 20.
	old := base64.RawURLEncoding.EncodeToString(append([]byte{1, 20},
		make([]byte, 16)...))

	tests := []struct {
		name  string
		key   []byte
		q     cso.Query
		token string
	}{
		{"other key", []byte("another key"), q, token},
		{"other text", tokenKey, cso.Query{Text: "hukukçu", ServiceArea: "legal_counseling"}, token},
		{"other area", tokenKey, cso.Query{Text: "hukuk"}, token},
		{"cut short", tokenKey, q, token[:len(token)-1]},
		{"padding bits", tokenKey, q, token[:len(token)-1] + "_"},
		{"empty", tokenKey, q, ""},
		{"offset", tokenKey, q, old},
		{"other statuses", tokenKey, cso.Query{Text: "hukuk", ServiceArea: "legal_counseling",
			Statuses: []cso.Status{cso.StatusActive}}, token},
	}
	for _, tt := range tests {
		_, err := cso.DecodePageToken(tt.key, tt.q, tt.token)
		assert.ErrorIs(t, err, cso.ErrInvalidPageToken, tt.name)
	}

	// Letter case and spacing of the text do not change the query.
	_, err := cso.DecodePageToken(tokenKey,
		cso.Query{Text: "  HUKUK ", ServiceArea: "legal_counseling", Limit: 50}, token)
	assert.NoError(t, err)
}

// TestPageTokenOfTheSameStatuses asks for the statuses that a query
// without any selects, in other orders and with repeats: each query takes
// the others' tokens.
func TestPageTokenOfTheSameStatuses(t *testing.T) {
	active, inactive := cso.StatusActive, cso.StatusInactive
	queries := []cso.Query{
		{Text: "hukuk"},
		{Text: "hukuk", Statuses: []cso.Status{active, inactive}},
		{Text: "hukuk", Statuses: []cso.Status{inactive, active, active}},
	}
	pos := cso.PagePosition{SortKey: cso.SortKey("Hukuk Evi"), ID: 9}

	for _, from := range queries {
		token := cso.EncodePageToken(tokenKey, from, pos)
		for _, to := range queries {
			got, err := cso.DecodePageToken(tokenKey, to, token)
			require.NoError(t, err, "token of %v, sent with %v", from.Statuses, to.Statuses)
			assert.Equal(t, pos.ID, got.ID)
		}
	}
}
