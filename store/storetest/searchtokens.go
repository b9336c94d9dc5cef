package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testInvalidPageToken(t *testing.T, s cso.Store) {
	ctx := context.Background()
	for i := 1; i <= 3; i++ {
		mustCreate(t, s, withService(newOrg(fmt.Sprintf("d-%d", i),
			fmt.Sprintf("Dernek %d", i)), "health", "women", "ar", 6))
	}
	first := mustSearch(t, s, cso.Query{Limit: 1})
	token := first.NextPageToken
	require.NotEmpty(t, token)

	tests := []struct {
		name string
		q    cso.Query
	}{
		{"forged", cso.Query{Limit: 1, PageToken: "bm90IGEgdG9rZW4"}},
		{"altered", cso.Query{Limit: 1, PageToken: alterToken(token, len(token)/2)}},
		{"altered at the start", cso.Query{Limit: 1, PageToken: alterToken(token, 0)}},
		{"altered at the end", cso.Query{Limit: 1, PageToken: alterToken(token, len(token)-1)}},
		{"cut short", cso.Query{Limit: 1, PageToken: token[:len(token)-4]}},
		{"lengthened", cso.Query{Limit: 1, PageToken: token + "AAAA"}},
		{"not base64", cso.Query{Limit: 1, PageToken: token[:8] + "*" + token[9:]}},
		{"other text", cso.Query{Limit: 1, Text: "dernek", PageToken: token}},
		{"other province", cso.Query{Limit: 1, Province: 6, PageToken: token}},
		{"other area", cso.Query{Limit: 1, ServiceArea: "health", PageToken: token}},
		{"other group", cso.Query{Limit: 1, TargetGroup: "women", PageToken: token}},
		{"other language", cso.Query{Limit: 1, Language: "ar", PageToken: token}},
		{"other status", cso.Query{Limit: 1, PageToken: token,
			Statuses: []cso.Status{cso.StatusClosed}}},
	}
	for _, tt := range tests {
		_, err := s.Search(ctx, tt.q)
		assert.ErrorIs(t, err, cso.ErrInvalidPageToken, tt.name)
	}

	// The same query may change its page size, and list its statuses in
	// another order.
	res := mustSearch(t, s, cso.Query{Limit: 5, PageToken: token})
	assert.Equal(t, []string{"d-2", "d-3"}, slugs(res))

	q := cso.Query{Text: "dernek", Limit: 1,
		Statuses: []cso.Status{cso.StatusActive, cso.StatusInactive}}
	q.PageToken = mustSearch(t, s, q).NextPageToken
	q.Statuses = []cso.Status{cso.StatusInactive, cso.StatusActive}
	q.Limit = 5
	assert.Equal(t, []string{"d-2", "d-3"}, slugs(mustSearch(t, s, q)))
}

// alterToken returns token with the character at i replaced by another
// of the URL-safe base64 alphabet.
func alterToken(token string, i int) string {
	b := []byte(token)
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return string(b)
}
