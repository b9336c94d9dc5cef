package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// described returns newOrg(slug, name) with a Turkish description.
func described(slug, name, description string) *cso.Organization {
	o := newOrg(slug, name)
	o.Description = cso.Text{"tr": description}
	return o
}

// numbered creates the organizations prefix-1 to prefix-n, named name 01
// to name nn, with services in province 6.
func numbered(t *testing.T, s cso.Store, prefix, name string, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		mustCreate(t, s, withService(newOrg(fmt.Sprintf("%s-%d", prefix, i),
			fmt.Sprintf("%s %02d", name, i)), "health", "", "", 6))
	}
}

// nextPage returns the page of q that the token of res continues.
func nextPage(t *testing.T, s cso.Store, q cso.Query, res *cso.SearchResult) *cso.SearchResult {
	t.Helper()
	require.NotEmpty(t, res.NextPageToken, "a page follows")
	q.PageToken = res.NextPageToken
	return mustSearch(t, s, q)
}

func testPageAfterInsert(t *testing.T, s cso.Store) {
	numbered(t, s, "hukuk", "Hukuk Merkezi", 8)
	for i := 1; i <= 3; i++ {
		mustCreate(t, s, described(fmt.Sprintf("dernek-%d", i),
			fmt.Sprintf("Dernek %d", i), "Ücretsiz hukuk danışmanlığı."))
	}
	numbered(t, s, "kurum", "Kurum", 12)

	text := cso.Query{Text: "hukuk", Limit: 5}
	filter := cso.Query{Province: 6, ServiceArea: "health", Limit: 5}
	textFirst, filterFirst := mustSearch(t, s, text), mustSearch(t, s, filter)
	require.Equal(t, []string{"hukuk-1", "hukuk-2", "hukuk-3", "hukuk-4", "hukuk-5"},
		slugs(textFirst))
	require.Equal(t, []string{"hukuk-1", "hukuk-2", "hukuk-3", "hukuk-4", "hukuk-5"},
		slugs(filterFirst))

	// Created before the position, the first two are not shown; created
	// after it, the others are.
	mustCreate(t, s,
		withService(newOrg("ahenk-hukuk", "Ahenk Hukuk Evi"), "health", "", "", 6),
		described("ada-dernek", "Ada Derneği", "Hukuk desteği."),
		withService(newOrg("hukuk-65", "Hukuk Merkezi 065"), "health", "", "", 6),
	)

	res := nextPage(t, s, text, textFirst)
	assert.Equal(t, []string{"hukuk-6", "hukuk-65", "hukuk-7", "hukuk-8", "ada-dernek"},
		slugs(res), "the page after the name matches of the first")
	assert.Equal(t, 14, res.Total)
	res = nextPage(t, s, text, res)
	assert.Equal(t, []string{"dernek-1", "dernek-2", "dernek-3"}, slugs(res))
	assert.Empty(t, res.NextPageToken)

	res = nextPage(t, s, filter, filterFirst)
	assert.Equal(t, []string{"hukuk-6", "hukuk-65", "hukuk-7", "hukuk-8", "kurum-1"},
		slugs(res), "the page after the first of a search without text")
	assert.Equal(t, 22, res.Total)
}

func testPageAfterDelete(t *testing.T, s cso.Store) {
	ctx := context.Background()
	numbered(t, s, "hukuk", "Hukuk Merkezi", 8)
	for i := 1; i <= 4; i++ {
		mustCreate(t, s, described(fmt.Sprintf("dernek-%d", i),
			fmt.Sprintf("Dernek %d", i), "Ücretsiz hukuk danışmanlığı."))
	}

	text := cso.Query{Text: "hukuk", Limit: 5}
	filter := cso.Query{Province: 6, Limit: 3}
	textFirst, filterFirst := mustSearch(t, s, text), mustSearch(t, s, filter)
	require.Equal(t, []string{"hukuk-1", "hukuk-2", "hukuk-3"}, slugs(filterFirst))

	// The last organization of both first pages goes, and so do the
	// first of the next page of text and one of the second group.
	for _, slug := range []string{"hukuk-5", "hukuk-3", "hukuk-6", "dernek-2"} {
		require.NoError(t, s.DeleteOrganization(ctx, slug, 0), "delete %s", slug)
	}

	res := nextPage(t, s, text, textFirst)
	assert.Equal(t, []string{"hukuk-7", "hukuk-8", "dernek-1", "dernek-3", "dernek-4"},
		slugs(res))
	assert.Equal(t, 8, res.Total)
	assert.Empty(t, res.NextPageToken)

	res = nextPage(t, s, filter, filterFirst)
	assert.Equal(t, []string{"hukuk-4", "hukuk-7", "hukuk-8"}, slugs(res))
	assert.Equal(t, 5, res.Total)
	assert.Empty(t, res.NextPageToken)
}

// pagedOrg is an organization of testPagesHoldEveryMatchOnce: byName
// says whether its name holds the word searched for, byText whether its
// description does.
type pagedOrg struct {
	name           string
	byName, byText bool
	province       int
}

// pagedOrgs are in Turkish alphabetical order: Ç after C, I before İ,
// Ö after O, Ş after S. Equal names come in the order of their IDs.
var pagedOrgs = []pagedOrg{
	{"Anka Derneği", false, true, 34},
	{"Bahar Vakfı", false, true, 0},
	{"Cemre Vakfı", false, true, 34},
	{"Çınar Derneği", false, true, 0},
	{"Dicle Derneği", false, true, 34},
	{"Dicle Derneği", false, true, 34},
	{"Ilgaz Derneği", false, false, 34},
	{"İlke Derneği", false, true, 34},
	{"Sedir Vakfı", false, false, 0},
	{"Şimşek Derneği", false, true, 34},
	{"Umut Çatısı", true, false, 34},
	{"Umut Derneği", true, false, 0},
	{"Umut Derneği", true, false, 34},
	{"Umut Derneği", true, false, 34},
	{"Umut Evi", true, false, 0},
	{"Umut Işığı", true, false, 34},
	{"Umut İzi", true, false, 0},
	{"Umut Okulu", true, false, 34},
	{"Umut Ödülü", true, false, 0},
	{"Umut Sofrası", true, false, 34},
	{"Umut Şafağı", true, false, 34},
	{"Zeytin Derneği", false, false, 34},
}

func testPagesHoldEveryMatchOnce(t *testing.T, s cso.Store) {
	created := make([]*cso.Organization, len(pagedOrgs))
	for i, p := range pagedOrgs {
		o := newOrg(fmt.Sprintf("kurulus-%02d", i), p.name)
		if p.byText {
			o.Description = cso.Text{"tr": "Umut veren bir dayanışma."}
		}
		if p.province != 0 {
			o = withService(o, "education", "", "", p.province)
		}
		mustCreate(t, s, o)
		created[i] = o
	}

	queries := []cso.Query{
		{Text: "umut"},
		{Text: "umut", Province: 34},
		{Text: "umut dayanisma"},
		{Province: 34},
		{},
	}
	for _, q := range queries {
		want := pagedWant(created, q)
		for _, limit := range []int{1, 2, 3, 7} {
			got, total := followPages(t, s, q, limit)
			assert.Equal(t, want, got, "query %+v in pages of %d", q, limit)
			assert.Equal(t, len(want), total, "total of %+v", q)
		}
	}
}

// pagedWant returns the slugs of the organizations of pagedOrgs that q
// matches, in the order of results: name matches first, then in
// alphabetical order, then by ID.
func pagedWant(created []*cso.Organization, q cso.Query) []string {
	type match struct {
		group, rank int
		id          int64
		slug        string
	}
	var matches []match
	for i, p := range pagedOrgs {
		rank := slices.IndexFunc(pagedOrgs, func(o pagedOrg) bool {
			return o.name == p.name
		})
		named, ok := pagedMatch(p, q)
		if !ok {
			continue
		}
		group := 1
		if named {
			group = 0
		}
		matches = append(matches, match{group, rank, created[i].ID, created[i].Slug})
	}

	slices.SortFunc(matches, func(a, b match) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.rank, b.rank),
			cmp.Compare(a.id, b.id))
	})
	want := []string{}
	for _, m := range matches {
		want = append(want, m.slug)
	}
	return want
}

// pagedMatch says whether q, one of those of testPagesHoldEveryMatchOnce,
// matches p, and whether by name.
func pagedMatch(p pagedOrg, q cso.Query) (named, ok bool) {
	if q.Province != 0 && p.province != q.Province {
		return false, false
	}
	switch q.Text {
	case "":
		return true, true
	case "umut":
		return p.byName, p.byName || p.byText
	}
	// "umut dayanisma": dayanışma is in the descriptions only.
	return false, p.byText
}

// followPages follows the page tokens of q and returns the slugs found and
// the total of the first page.
func followPages(t *testing.T, s cso.Store, q cso.Query, limit int) ([]string, int) {
	t.Helper()
	q.Limit = limit
	got := []string{}
	total := -1
	for range 100 {
		res := mustSearch(t, s, q)
		if total < 0 {
			total = res.Total
		}
		got = append(got, slugs(res)...)
		if res.NextPageToken == "" {
			return got, total
		}
		q.PageToken = res.NextPageToken
	}
	t.Fatalf("query %+v did not end after 100 pages", q)
	return nil, 0
}

func testPagesOfLongNames(t *testing.T, s cso.Store) {
	// The names begin with the same 200 letters, more than a page token
	// holds of a sort key, and differ only after them.
	prefix := strings.Repeat("Dayanışma ", 20)
	var want []string
	for i := 1; i <= 7; i++ {
		slug := fmt.Sprintf("uzun-%d", i)
		want = append(want, slug)
		mustCreate(t, s, withService(newOrg(slug, fmt.Sprintf("%sDerneği %d", prefix, i)),
			"health", "", "", 6))
	}

	for _, q := range []cso.Query{{Text: "dayanisma"}, {Province: 6}} {
		for _, limit := range []int{1, 3} {
			got, total := followPages(t, s, q, limit)
			assert.Equal(t, want, got, "query %+v in pages of %d", q, limit)
			assert.Equal(t, 7, total)
		}
	}
}
