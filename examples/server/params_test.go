package main

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
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
		code   string
		field  string // the one key of "fields", when set
	}{
		{"invalid UTF-8 in the text", orgs + "?q=%ff", 400, "bad_request", "q"},
		{"UTF-8 sequence cut short", orgs + "?q=%c3", 400, "bad_request", "q"},
		{"invalid UTF-8 in a number", orgs + "?province=%ff", 400, "bad_request", "province"},
		{"invalid UTF-8 in the page token", orgs + "?page_token=%80", 400,
			"bad_request", "page_token"},
		{"invalid UTF-8 in the language", "/api/v1/provinces?lang=%ff", 400,
			"bad_request", "lang"},
		{"invalid UTF-8 in a parameter no route reads",
			orgs + "/sgdd-asam?x=%fe", 400, "bad_request", "x"},
		{"malformed escape", orgs + "?q=%zz", 400, "bad_request", ""},
		{"semicolon between parameters", orgs + "?q=hukuk;limit=1", 400, "bad_request", ""},

		{"province twice", orgs + "?province=34&province=6", 400, "bad_request", "province"},
		{"limit twice", orgs + "?limit=1&limit=50", 400, "bad_request", "limit"},
		{"text twice", orgs + "?q=a&q=b", 400, "bad_request", "q"},
		{"same text twice", orgs + "?q=hukuk&q=hukuk", 400, "bad_request", "q"},
		{"page token twice", orgs + "?page_token=a&page_token=b", 400,
			"bad_request", "page_token"},
		{"service area twice", orgs + "?service_area=health&service_area=shelter", 400,
			"bad_request", "service_area"},
		{"lang twice", "/api/v1/provinces?lang=en&lang=ar", 400, "bad_request", "lang"},
		{"lang twice on a taxonomy", "/api/v1/target-groups?lang=en&lang=ar", 400,
			"bad_request", "lang"},
		{"status of one empty entry", orgs + "?status=,", 400, "bad_request", "status"},
		{"status ending in a comma", orgs + "?status=active,", 400, "bad_request", "status"},
		{"status with an empty entry between", orgs + "?status=active,,closed", 400,
			"bad_request", "status"},
		{"status both empty and given", orgs + "?status=&status=active", 400,
			"bad_request", "status"},
		{"misspelt filter", orgs + "?provnce=34", 400, "bad_request", "provnce"},
		{"parameter of another route", orgs + "?lang=ar", 400, "bad_request", "lang"},
		{"parameter on a route that takes none", orgs + "/sgdd-asam?limit=1", 400,
			"bad_request", "limit"},
		{"lang that is no language tag", "/api/v1/provinces?lang=zz-!!", 400,
			"bad_request", "lang"},
		{"lang longer than a language tag", "/api/v1/service-areas?lang=" +
			strings.Repeat("en-", 12) + "gb", 400, "bad_request", "lang"},
		{"search parameter on a reference table", "/api/v1/provinces?q=ist", 400,
			"bad_request", "q"},
		{"province zero", orgs + "?province=0", 422, "invalid", "province"},
		{"province over 81", orgs + "?province=82", 422, "invalid", "province"},
		{"negative province", orgs + "?province=-1", 422, "invalid", "province"},
		{"unknown status", orgs + "?status=bogus", 422, "invalid", "status"},
		{"unknown status after a known one", orgs + "?status=active,dissolved", 422,
			"invalid", "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.get(tt.path, "")
			assert.Equal(t, tt.status, res.status, "body: %s", res.body)

			got := decode[apiErrorBody](t, res)
			assert.Equal(t, tt.code, got.Error.Code)
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

func TestStatusList(t *testing.T) {
	s := startServer(t)
	total := func(query string) int {
		t.Helper()
		res := s.get("/api/v1/organizations?limit=1"+query, "")
		require.Equal(t, http.StatusOK, res.status, "body: %s", res.body)
		return decode[searchPage](t, res).Total
	}

	// Without a status, a search finds active and inactive organizations.
	want := total("")
	require.NotZero(t, want)
	assert.Equal(t, want, total("&status=active,inactive"))
	assert.Equal(t, want, total("&status=inactive&status=active"))
	assert.Equal(t, want, total("&status="), "an empty status is no status")
	assert.Equal(t, want, total("&status=%20ACTIVE%20,inactive"))
}

func TestDeleteWithVersionTwice(t *testing.T) {
	s := startServer(t)
	const path = "/api/v1/organizations/sgdd-asam"

	res := s.json(http.MethodDelete, path+"?version=1&version=1", testAdminToken, nil)
	assert.Equal(t, http.StatusBadRequest, res.status, "body: %s", res.body)
	got := decode[apiErrorBody](t, res)
	assert.Equal(t, "bad_request", got.Error.Code)
	assert.Contains(t, got.Error.Fields, "version")

	assert.Equal(t, http.StatusOK, s.get(path, "").status, "still there")
}

func TestManyUnknownParametersAreCounted(t *testing.T) {
	s := startServer(t)
	query := func(n int) string {
		var b strings.Builder
		b.WriteString("/api/v1/organizations?q=%ff")
		for i := range n {
			fmt.Fprintf(&b, "&x%04d=1", i)
		}
		return b.String()
	}
	// The bad known parameter and the first ten unknown ones in sorted order.
	want := []string{"q", "x0000", "x0001", "x0002", "x0003", "x0004",
		"x0005", "x0006", "x0007", "x0008", "x0009"}

	res := s.get(query(5000), "")
	require.Equal(t, http.StatusBadRequest, res.status, "body: %.500s", res.body)
	got := decode[apiErrorBody](t, res).Error
	assert.Equal(t, "bad_request", got.Code)
	assert.ElementsMatch(t, want, slices.Collect(maps.Keys(got.Fields)))
	assert.Contains(t, got.Message, "4990 more")
	assert.Less(t, len(res.body), 4096, "the answer stays small")

	res = s.get(query(10), "")
	require.Equal(t, http.StatusBadRequest, res.status, "body: %s", res.body)
	got = decode[apiErrorBody](t, res).Error
	assert.ElementsMatch(t, want, slices.Collect(maps.Keys(got.Fields)))
	assert.NotContains(t, got.Message, "more", "ten are all named")
}

// TestEveryParameterFaultIsNamed sends searches with several faults:
// one answer names them all, with 400 when one of them is a 400 fault
// (not a number, a parameter given twice) and 422 otherwise. (A
// parameter the route does not take is refused before any is read.)
func TestEveryParameterFaultIsNamed(t *testing.T) {
	s := startServer(t)
	const orgs = "/api/v1/organizations?"

	tests := []struct {
		query  string
		status int
		fields []string
	}{
		{"service_area=astrology&province=0", 422, []string{"province", "service_area"}},
		{"service_area=astrology&province=82", 422, []string{"province", "service_area"}},
		{"province=0&limit=ten", 400, []string{"limit", "province"}},
		{"province=abc&status=bogus", 400, []string{"province", "status"}},
		{"q=a&q=b&limit=500&language=zz-!!", 400, []string{"language", "limit", "q"}},
		{"limit=500&status=active,bogus&language=zz-!!", 422,
			[]string{"language", "limit", "status"}},
	}
	for _, tt := range tests {
		res := s.get(orgs+tt.query, "")
		assert.Equal(t, tt.status, res.status, "%s: %s", tt.query, res.body)

		got := decode[apiErrorBody](t, res)
		assert.Equal(t, tt.fields, slices.Sorted(maps.Keys(got.Error.Fields)), tt.query)
		if slices.Contains(tt.fields, "province") && tt.query != "province=abc&status=bogus" {
			assert.Contains(t, got.Error.Fields["province"], "unknown province plate code",
				tt.query)
		}
	}
}
