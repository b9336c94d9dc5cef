package main

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// searchPage is the answer of /api/v1/organizations.
type searchPage struct {
	Items         []object `json:"items"`
	NextPageToken string   `json:"next_page_token"`
	Total         int      `json:"total"`
}

// searchSlugs returns the slugs of every organization the search finds,
// following its pages.
func (s *testServer) searchSlugs(params url.Values) []string {
	s.t.Helper()
	var slugs []string
	for range 100 {
		res := s.get("/api/v1/organizations?"+params.Encode(), "")
		require.Equal(s.t, http.StatusOK, res.status, "body: %s", res.body)
		page := decode[searchPage](s.t, res)
		for _, o := range page.Items {
			slugs = append(slugs, o["slug"].(string))
		}
		if page.NextPageToken == "" {
			return slugs
		}
		params.Set("page_token", page.NextPageToken)
	}
	s.t.Fatal("search did not end within 100 pages")
	return nil
}

func TestSearchForgivesCase(t *testing.T) { eachDatabase(t, testSearchForgivesCase) }

func testSearchForgivesCase(t *testing.T, dsn string) {
	s := startServerOn(t, dsn)

	want := s.searchSlugs(url.Values{"q": {"cocuk"}, "province": {"34"}})
	require.NotEmpty(t, want)
	for _, q := range []string{"ÇOCUK", "çocuk", "Çocuk", "COCUK"} {
		got := s.searchSlugs(url.Values{"q": {q}, "province": {"34"}})
		assert.Equal(t, want, got, "q=%s", q)
	}
}

func TestSearchPages(t *testing.T) { eachDatabase(t, testSearchPages) }

func testSearchPages(t *testing.T, dsn string) {
	s := startServerOn(t, dsn)

	all := s.searchSlugs(url.Values{"limit": {"100"}})
	paged := s.searchSlugs(url.Values{"limit": {"7"}})
	assert.Equal(t, all, paged)

	first := decode[searchPage](t, s.get("/api/v1/organizations?limit=7", ""))
	assert.Len(t, first.Items, 7)
	assert.Equal(t, len(all), first.Total)
	assert.NotEmpty(t, first.NextPageToken)

	// A token continues only the search it came from.
	other := s.get("/api/v1/organizations?limit=7&province=34&page_token="+
		url.QueryEscape(first.NextPageToken), "")
	assert.Equal(t, http.StatusBadRequest, other.status)
	assert.Equal(t, "invalid_page_token", decode[apiErrorBody](t, other).Error.Code)
}

func TestSearchLegalCounseling(t *testing.T) { eachDatabase(t, testSearchLegalCounseling) }

func testSearchLegalCounseling(t *testing.T, dsn string) {
	s := startServerOn(t, dsn)

	// The demo organizations whose sources name legal counseling in
	// İstanbul; Kaos GL (Ankara) and Mülteci-Der (İzmir) counsel too,
	// but elsewhere.
	want := []string{
		"sgdd-asam", "rrt", "yuva", "ikgv", "ttm", "spod", "umhd",
		"gocmen-dayanisma-dernegi", "imc",
	}
	got := s.searchSlugs(url.Values{"q": {"hukuk"}, "province": {"34"}})
	assert.ElementsMatch(t, want, got)

	filtered := s.searchSlugs(url.Values{
		"service_area": {"legal_counseling"}, "province": {"34"},
	})
	assert.ElementsMatch(t, want, filtered)
}
