package store_test

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
)

func TestSearchRejectsInvalidQuery(t *testing.T) {
	orgs := store.OpenTestDB(t, store.DialectSQLite).Organizations()

	for _, q := range []cso.Query{
		{Limit: 101},
		{Limit: -1},
		{Province: 82},
		{ServiceArea: "astrology"},
		{Statuses: []cso.Status{"deleted"}},
	} {
		_, err := orgs.Search(context.Background(), q)
		assert.ErrorIs(t, err, cso.ErrInvalid, "query %+v", q)
	}
}

func TestSearchTextOperators(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			testSearchTextOperators(t, dialect)
		})
	}
}

func testSearchTextOperators(t *testing.T, dialect string) {
	ctx := context.Background()
	orgs := store.OpenTestDB(t, dialect).Organizations()
	for _, slug := range []string{"bir", "iki"} {
		assert.NoError(t, orgs.CreateOrganization(ctx, &cso.Organization{
			Slug: slug, Name: cso.Text{"tr": "Dernek " + slug},
			Kind: cso.KindAssociation, Status: cso.StatusActive,
		}))
	}

	// Words reach the index as plain words, whatever quotes and operators
	// surround them; text without a letter or digit matches nothing.
	tests := []struct {
		text string
		want int
	}{
		{`"*`, 0},
		{"-- '; ()", 0},
		{"   ", 2},
		{"dernek*", 2},
		{`"dernek" bir`, 1},
		{"' OR 1=1 --", 0},
		{`"dernek" AND NOT bir*`, 0},
		{"{name_key}: iki", 0},
	}
	for _, tt := range tests {
		res, err := orgs.Search(ctx, cso.Query{Text: tt.text})
		if assert.NoError(t, err, tt.text) {
			assert.Equal(t, tt.want, res.Total, tt.text)
		}
	}
}
