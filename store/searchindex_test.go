package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSearchKeyBudget(t *testing.T) {
	long := strings.Repeat("a", 101)
	tests := []struct {
		key    string
		budget int
		want   string
	}{
		{"alpha beta gamma", 100, "alpha beta gamma"},
		{"alpha beta gamma", 10, "alpha beta"},
		{"alpha beta gamma", 9, "alpha"},
		{"alpha b gamma", 7, "alpha b"},
		{"alpha beta", 4, ""},
		{"alpha beta", 0, ""},
		{"alpha beta", -5, ""},
		{long + " kelime", 6, "kelime"},
		{"  alpha   beta ", 10, "alpha beta"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, searchKey(tt.key, tt.budget),
			"%q in %d bytes", tt.key, tt.budget)
	}
}

// squareWord returns the i-th of distinct words that fold to many more
// bytes than they take: four "㌖" squares, each folding to the six
// katakana of キロメートル (18 bytes), and the number i.
func squareWord(i int) string {
	return fmt.Sprintf("㌖㌖㌖㌖%d", i)
}

// squareText returns the words first to first+count-1 of squareWord,
// separated by spaces.
func squareText(first, count int) string {
	words := make([]string, count)
	for i := range words {
		words[i] = squareWord(first + i)
	}
	return strings.Join(words, " ")
}

// bigOrganization returns a valid organization of 1 MiB of text or less
// whose folded words take more than PostgreSQL's limit of 1,048,575
// bytes for one tsvector: 40 services with descriptions of 5,000
// characters of distinct words, the 20,000 words 0 to 19,999.
func bigOrganization(t *testing.T) *cso.Organization {
	t.Helper()
	const perService = 500 // 500 words of at most 9 characters, and spaces
	o := &cso.Organization{
		Slug:   "buyuk-dernek",
		Name:   cso.Text{"tr": "Büyük Dernek"},
		Kind:   cso.KindAssociation,
		Status: cso.StatusActive,
	}
	for s := range 40 {
		o.Services = append(o.Services, cso.Service{
			Name:        cso.Text{"tr": "Hizmet"},
			Description: cso.Text{"tr": squareText(s*perService, perService)},
			Areas:       []string{"health"},
		})
	}

	o.Normalize()
	require.NoError(t, o.Validate())
	body, err := json.Marshal(o)
	require.NoError(t, err)
	require.LessOrEqual(t, len(body), 1<<20, "the body")
	_, rest := o.SearchKeys()
	require.Greater(t, len(rest), 1<<20, "the folded words")
	return o
}

// TestBigOrganizationIsFound stores an organization whose folded words
// would take more than PostgreSQL indexes, and finds it by its name, by
// the label of its service area (health: Sağlık), through its facet key,
// which the bound never cuts, and by the first words of its descriptions
// on both dialects. The words past the bound are found on neither.
func TestBigOrganizationIsFound(t *testing.T) {
	o := bigOrganization(t)
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()
			created := *o
			require.NoError(t, s.CreateOrganization(ctx, &created))

			expectFound(t, s, "büyük", 1)
			expectFound(t, s, "saglik", 1)
			expectFound(t, s, squareWord(0), 1)
			expectFound(t, s, squareWord(19999), 0)

			var keys int
			require.NoError(t, db.bun.QueryRowContext(ctx,
				"SELECT length(name_key) + length(rest_key) + length(facet_key) "+
					"FROM organizations").Scan(&keys))
			assert.Less(t, keys, 1<<20)

			// A rebuild of the keys on opening bounds them the same way.
			_, err := db.bun.ExecContext(ctx, "UPDATE organizations SET rest_key = ''")
			require.NoError(t, err)
			_, err = db.bun.ExecContext(ctx,
				"DELETE FROM settings WHERE key = ?", searchKeysSetting)
			require.NoError(t, err)
			require.NoError(t, db.migrate(ctx))
			expectFound(t, s, "saglik", 1)
			expectFound(t, s, squareWord(0), 1)
			expectFound(t, s, squareWord(19999), 0)
		})
	}
}

// TestLongNamesKeepTheTurkishName stores an organization whose names in
// nine languages fold to more words than the name key holds: the
// Turkish name is found, though its tag sorts last.
func TestLongNamesKeepTheTurkishName(t *testing.T) {
	const perName = 500 // 5,000 characters
	o := &cso.Organization{
		Slug:   "cok-dilli",
		Name:   cso.Text{"tr": "Çok Dilli Dernek"},
		Kind:   cso.KindAssociation,
		Status: cso.StatusActive,
	}
	for i, tag := range []string{"ar", "de", "en", "es", "fa", "fr", "ku", "ru"} {
		o.Name[tag] = squareText(i*perName, perName)
	}
	o.Normalize()
	require.NoError(t, o.Validate())
	names, _ := o.SearchKeys()
	require.Greater(t, len(names), 256<<10, "the folded names")

	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			s := OpenTestDB(t, dialect).Organizations()
			created := *o
			require.NoError(t, s.CreateOrganization(context.Background(), &created))

			expectFound(t, s, "çok dilli", 1)
			expectFound(t, s, squareWord(0), 1)
			expectFound(t, s, squareWord(8*perName-1), 0)
		})
	}
}

// expectFound checks that a search for text finds want organizations.
func expectFound(t *testing.T, s cso.Store, text string, want int) {
	t.Helper()
	q := cso.Query{Text: text}
	q.Normalize()
	require.NoError(t, q.Validate())

	res, err := s.Search(context.Background(), q)
	require.NoError(t, err)
	assert.Equal(t, want, res.Total, "search for %q", text)
}
