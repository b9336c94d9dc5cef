// Package storetest checks that an implementation of cso.Store keeps the
// contract that cso documents: round trips, uniqueness, versions, search
// with Turkish folding and order, pagination, tokens and transactions.
//
// A partner who writes their own store runs the same suite as the store
// package does:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) cso.Store {
//			return newEmptyStore(t)
//		})
//	}
//
// Dialects and DSN give tests an empty SQLite file, and an empty schema
// of the PostgreSQL database that MUSTEREK_TEST_POSTGRES names, for each
// test that asks.
package storetest

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the conformance suite. open must return a new, empty store for
// each subtest and release it when the subtest ends (with t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) cso.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s cso.Store)
	}{
		{"CreateGetRoundTrip", testRoundTrip},
		{"UpdateReplacesEverything", testUpdate},
		{"DuplicateSlug", testDuplicateSlug},
		{"DuplicateRegistryID", testDuplicateRegistryID},
		{"StaleVersion", testStaleVersion},
		{"Missing", testMissing},
		{"DeleteCascades", testDeleteCascades},
		{"Tokens", testTokens},
		{"ConfidentialOffice", testConfidentialOffice},
		{"TextVerbatim", testTextVerbatim},
		{"SearchFolding", testSearchFolding},
		{"SearchAllWords", testSearchAllWords},
		{"SearchRanksNameFirst", testSearchRanksNameFirst},
		{"SearchPagesAcrossGroups", testSearchPagesAcrossGroups},
		{"SearchFilters", testSearchFilters},
		{"SearchOfficePlaces", testSearchOfficePlaces},
		{"SearchLabels", testSearchLabels},
		{"SearchLanguageVariants", testSearchLanguageVariants},
		{"SearchOneService", testSearchOneService},
		{"SearchOneServiceBulk", testSearchOneServiceBulk},
		{"SearchOneServicePages", testSearchOneServicePages},
		{"SearchLongWord", testSearchLongWord},
		{"SearchHanunooWords", testSearchHanunooWords},
		{"TurkishOrder", testTurkishOrder},
		{"Pagination", testPagination},
		{"InvalidPageToken", testInvalidPageToken},
		{"PageAfterInsert", testPageAfterInsert},
		{"PageAfterDelete", testPageAfterDelete},
		{"PagesHoldEveryMatchOnce", testPagesHoldEveryMatchOnce},
		{"PagesOfLongNames", testPagesOfLongNames},
		{"AtomicallyRollsBack", testAtomicallyRollsBack},
		{"AtomicallyNested", testAtomicallyNested},
		{"ConcurrentReadUpdate", testConcurrentReadUpdate},
		{"ConcurrentStaleUpdates", testConcurrentStaleUpdates},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// newOrg returns a minimal active association with a Turkish name.
func newOrg(slug, name string) *cso.Organization {
	return &cso.Organization{
		Slug:   slug,
		Name:   cso.Text{"tr": name},
		Kind:   cso.KindAssociation,
		Status: cso.StatusActive,
	}
}

// withService adds a service in the area, for the group, in the
// language and provinces.
func withService(o *cso.Organization, area, group, lang string, provinces ...int) *cso.Organization {
	svc := cso.Service{
		Name:      cso.Text{"tr": "Hizmet"},
		Areas:     []string{area},
		Provinces: provinces,
	}
	if group != "" {
		svc.TargetGroups = []string{group}
	}
	if lang != "" {
		svc.Languages = []string{lang}
	}
	o.Services = append(o.Services, svc)
	return o
}

func mustCreate(t *testing.T, s cso.Store, orgs ...*cso.Organization) {
	t.Helper()
	for _, o := range orgs {
		require.NoError(t, s.CreateOrganization(context.Background(), o),
			"create %s", o.Slug)
	}
}

func mustSearch(t *testing.T, s cso.Store, q cso.Query) *cso.SearchResult {
	t.Helper()
	res, err := s.Search(context.Background(), q)
	require.NoError(t, err, "search %+v", q)
	return res
}

// assertFinds asserts that a search for q finds the organizations of
// want, in that order, and counts as many; it returns the result.
func assertFinds(t *testing.T, s cso.Store, q cso.Query, want []string) *cso.SearchResult {
	t.Helper()
	res := mustSearch(t, s, q)
	assert.Equal(t, want, slugs(res), "search %+v", q)
	assert.Equal(t, len(want), res.Total, "total of %+v", q)
	return res
}

// slugs returns the slugs of the result's items, in order.
func slugs(res *cso.SearchResult) []string {
	out := []string{}
	for _, o := range res.Items {
		out = append(out, o.Slug)
	}
	return out
}
