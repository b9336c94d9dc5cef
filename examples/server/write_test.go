package main

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newOrganization returns a valid organization with one office and one
// legal counseling service in İstanbul.
func newOrganization(slug, name string) object {
	return object{
		"slug":   slug,
		"name":   object{"tr": name},
		"kind":   "association",
		"status": "active",
		"email":  "iletisim@example.org",
		"phones": []string{"+902125551212"},
		"offices": []object{{
			"address":     "Örnek Sokak 1",
			"district":    "Fatih",
			"province":    34,
			"postal_code": "34122",
		}},
		"services": []object{{
			"name":          object{"tr": "Hukuki danışmanlık"},
			"service_areas": []string{"legal_counseling"},
			"provinces":     []int{34},
		}},
	}
}

// create creates o as the administrator and returns what the server
// answered.
func (s *testServer) create(o object) object {
	s.t.Helper()
	res := s.json(http.MethodPost, "/api/v1/organizations", testAdminToken, o)
	require.Equal(s.t, http.StatusCreated, res.status, "body: %s", res.body)
	return decode[object](s.t, res)
}

// issueToken issues a token for the organization as the administrator.
func (s *testServer) issueToken(slug string) string {
	s.t.Helper()
	res := s.json(http.MethodPost, "/api/v1/organizations/"+slug+"/tokens",
		testAdminToken, object{"label": "test"})
	require.Equal(s.t, http.StatusCreated, res.status, "body: %s", res.body)
	return decode[tokenResponse](s.t, res).Token
}

func TestWriteFlow(t *testing.T) { eachDatabase(t, testWriteFlow) }

func testWriteFlow(t *testing.T, dsn string) {
	s := startServerOn(t, dsn)
	path := "/api/v1/organizations/ornek-dernegi"

	created := s.json(http.MethodPost, "/api/v1/organizations", testAdminToken,
		newOrganization("ornek-dernegi", "Örnek Derneği"))
	require.Equal(t, http.StatusCreated, created.status, "body: %s", created.body)
	assert.Equal(t, path, created.header.Get("Location"))
	org := decode[object](t, created)
	assert.Equal(t, "ornek-dernegi", org["slug"])
	assert.EqualValues(t, 1, org["version"])

	read := s.get(path, testAdminToken)
	require.Equal(t, http.StatusOK, read.status)
	assert.JSONEq(t, string(created.body), string(read.body))

	t.Run("update without a version is refused and changes nothing", func(t *testing.T) {
		res := s.json(http.MethodPut, path, testAdminToken,
			newOrganization("ornek-dernegi", "Değişmiş Ad"))
		assert.Equal(t, http.StatusUnprocessableEntity, res.status, "body: %s", res.body)
		got := decode[apiErrorBody](t, res)
		assert.Equal(t, "invalid", got.Error.Code)
		assert.Equal(t, []string{"version"}, slices.Collect(maps.Keys(got.Error.Fields)))
		assert.JSONEq(t, string(read.body), string(s.get(path, testAdminToken).body))
	})

	t.Run("admin updates with the current version", func(t *testing.T) {
		o := newOrganization("ornek-dernegi", "Örnek Derneği")
		o["description"] = object{"tr": "Hukuki destek veren bir dernek."}
		o["version"] = 1
		res := s.json(http.MethodPut, path, testAdminToken, o)
		require.Equal(t, http.StatusOK, res.status, "body: %s", res.body)
		assert.EqualValues(t, 2, decode[object](t, res)["version"])
	})

	t.Run("stale version is refused and changes nothing", func(t *testing.T) {
		before := s.get(path, "")
		stale := newOrganization("ornek-dernegi", "Değişmiş Ad")
		stale["version"] = 1
		res := s.json(http.MethodPut, path, testAdminToken, stale)
		assert.Equal(t, http.StatusConflict, res.status)
		assert.Equal(t, "stale_version", decode[apiErrorBody](t, res).Error.Code)
		assert.JSONEq(t, string(before.body), string(s.get(path, "").body))
	})

	tokenRes := s.json(http.MethodPost, path+"/tokens", testAdminToken,
		object{"label": "office laptop"})
	require.Equal(t, http.StatusCreated, tokenRes.status, "body: %s", tokenRes.body)
	assert.Equal(t, "no-store", tokenRes.header.Get("Cache-Control"))
	issued := decode[tokenResponse](t, tokenRes)
	assert.True(t, strings.HasPrefix(issued.Token, "mst_"), "token %q", issued.Token)
	assert.Equal(t, "ornek-dernegi", issued.Organization)
	orgToken := issued.Token

	s.create(newOrganization("baska-dernek", "Başka Dernek"))

	t.Run("organization token", func(t *testing.T) {
		own := newOrganization("ornek-dernegi", "Örnek Derneği")
		own["version"] = 2
		res := s.json(http.MethodPut, path, orgToken, own)
		require.Equal(t, http.StatusOK, res.status, "body: %s", res.body)
		assert.EqualValues(t, 3, decode[object](t, res)["version"])
		assert.Equal(t, "no-store", res.header.Get("Cache-Control"))

		other := newOrganization("baska-dernek", "Başka Dernek")
		other["version"] = 1
		refused := []response{
			s.json(http.MethodPut, "/api/v1/organizations/baska-dernek", orgToken, other),
			s.json(http.MethodPost, "/api/v1/organizations", orgToken,
				newOrganization("yeni-dernek", "Yeni Dernek")),
			s.json(http.MethodDelete, path, orgToken, nil),
			s.json(http.MethodPost, path+"/tokens", orgToken, nil),
		}
		for i, res := range refused {
			assert.Equal(t, http.StatusForbidden, res.status, "request %d: %s", i, res.body)
			assert.Equal(t, "forbidden", decode[apiErrorBody](t, res).Error.Code)
		}
	})

	t.Run("verify sets the verification time", func(t *testing.T) {
		assert.NotContains(t, decode[object](t, s.get(path, "")), "last_verified_at")

		before := time.Now().Add(-time.Second)
		res := s.json(http.MethodPost, path+"/verify", orgToken, nil)
		require.Equal(t, http.StatusOK, res.status, "body: %s", res.body)

		got := decode[object](t, s.get(path, ""))
		at, err := time.Parse(time.RFC3339Nano, fmt.Sprint(got["last_verified_at"]))
		require.NoError(t, err)
		assert.WithinRange(t, at, before, time.Now().Add(time.Second))
	})

	t.Run("fields the server manages are ignored whatever they hold", func(t *testing.T) {
		before := decode[object](t, s.get(path, testAdminToken))
		edited := newOrganization("ornek-dernegi", "Örnek Derneği")
		edited["description"] = object{"tr": "Göçmenlere hukuki destek."}
		edited["version"] = before["version"]
		edited["created_at"] = "not a time"
		edited["updated_at"] = 17
		edited["last_verified_at"] = object{"when": "yesterday"}

		res := s.json(http.MethodPut, path, testAdminToken, edited)
		require.Equal(t, http.StatusOK, res.status, "body: %s", res.body)
		after := decode[object](t, res)
		assert.Equal(t, before["created_at"], after["created_at"])
		assert.Equal(t, before["last_verified_at"], after["last_verified_at"])
		assert.NotNil(t, after["last_verified_at"])
		assert.EqualValues(t, before["version"].(float64)+1, after["version"])
	})

	t.Run("admin deletes", func(t *testing.T) {
		res := s.json(http.MethodDelete, path, testAdminToken, nil)
		assert.Equal(t, http.StatusNoContent, res.status, "body: %s", res.body)
		assert.Empty(t, res.body)
		assert.Equal(t, http.StatusNotFound, s.get(path, "").status)
	})
}

func TestConfidentialOffices(t *testing.T) { eachDatabase(t, testConfidentialOffices) }

func testConfidentialOffices(t *testing.T, dsn string) {
	s := startServerOn(t, dsn, "-no-demo")
	o := newOrganization("siginma-evi", "Sığınma Evi Derneği")
	o["offices"] = []object{
		{"address": "Açık Sokak 2", "province": 34},
		{"address": "Gizli Sokak 3", "province": 34, "confidential": true},
	}
	s.create(o)
	path := "/api/v1/organizations/siginma-evi"
	orgToken := s.issueToken("siginma-evi")

	addresses := func(org object) []string {
		var got []string
		for _, off := range org["offices"].([]any) {
			got = append(got, off.(object)["address"].(string))
		}
		return got
	}

	public := decode[object](t, s.get(path, ""))
	assert.Equal(t, []string{"Açık Sokak 2"}, addresses(public))

	found := decode[searchPage](t, s.get("/api/v1/organizations?q=siginma", ""))
	require.Len(t, found.Items, 1)
	assert.Equal(t, []string{"Açık Sokak 2"}, addresses(found.Items[0]))

	for name, token := range map[string]string{"own": orgToken, "admin": testAdminToken} {
		res := s.get(path, token)
		assert.ElementsMatch(t, []string{"Açık Sokak 2", "Gizli Sokak 3"},
			addresses(decode[object](t, res)), name)
		assert.Equal(t, "no-store", res.header.Get("Cache-Control"), name)
	}

	t.Run("a public view sent back is refused and the shelter kept", func(t *testing.T) {
		assert.Equal(t, "public", public["view"])
		public["short_name"] = "SED"

		res := s.json(http.MethodPut, path, orgToken, public)
		require.Equal(t, http.StatusUnprocessableEntity, res.status, "body: %s", res.body)
		fields := decode[errorBody](t, res).Error.Fields
		assert.Contains(t, fields["view"], "confidential offices")

		delete(public, "view")
		res = s.json(http.MethodPut, path, orgToken, public)
		require.Equal(t, http.StatusUnprocessableEntity, res.status, "body: %s", res.body)

		full := decode[object](t, s.get(path, orgToken))
		assert.Equal(t, "full", full["view"])
		assert.Len(t, addresses(full), 2)
		assert.EqualValues(t, 1, full["version"])
	})
}

func TestConcurrentUpdates(t *testing.T) { eachDatabase(t, testConcurrentUpdates) }

func testConcurrentUpdates(t *testing.T, dsn string) {
	s := startServerOn(t, dsn)
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))

	const n = 10
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			o := newOrganization("ornek-dernegi", "Örnek Derneği")
			o["description"] = object{"tr": fmt.Sprintf("Sürüm %d", i)}
			o["version"] = 1
			res := s.json(http.MethodPut, "/api/v1/organizations/ornek-dernegi",
				testAdminToken, o)
			statuses[i] = res.status
		})
	}
	wg.Wait()

	counts := map[int]int{}
	for _, st := range statuses {
		counts[st]++
	}
	assert.Equal(t, map[int]int{http.StatusOK: 1, http.StatusConflict: n - 1}, counts)

	got := decode[object](t, s.get("/api/v1/organizations/ornek-dernegi", ""))
	assert.EqualValues(t, 2, got["version"])
}

func TestWriteRateLimit(t *testing.T) {
	s := startServer(t, "-write-rate", "0.01", "-write-burst", "2")
	o := newOrganization("ornek-dernegi", "Örnek Derneği")

	for i, want := range []int{http.StatusCreated, http.StatusConflict} {
		res := s.json(http.MethodPost, "/api/v1/organizations", testAdminToken, o)
		require.Equal(t, want, res.status, "write %d: %s", i, res.body)
	}

	res := s.json(http.MethodPost, "/api/v1/organizations", testAdminToken, o)
	assert.Equal(t, http.StatusTooManyRequests, res.status)
	assert.Equal(t, "rate_limited", decode[apiErrorBody](t, res).Error.Code)
	// At 0.01 writes a second the next one is 100 seconds away.
	assert.Equal(t, "100", res.header.Get("Retry-After"))

	other := s.json(http.MethodPost, "/api/v1/organizations", "mst_someone-else", o)
	assert.Equal(t, http.StatusUnauthorized, other.status, "another token has its own limit")

	assert.Equal(t, http.StatusOK, s.get("/api/v1/organizations", "").status,
		"reads are not limited")
}

func TestWithoutAdminToken(t *testing.T) {
	dsn := "sqlite:" + t.TempDir() + "/musterek.db"
	s := startServerWith(t, dsn, map[string]string{})

	res := s.json(http.MethodPost, "/api/v1/organizations", testAdminToken,
		newOrganization("ornek-dernegi", "Örnek Derneği"))
	assert.Equal(t, http.StatusUnauthorized, res.status)
	assert.Equal(t, `Bearer realm="musterek"`, res.header.Get("WWW-Authenticate"))

	var warned bool
	for _, line := range s.logs.logLines(t) {
		if line["level"] == "WARN" && strings.Contains(fmt.Sprint(line["msg"]), "admin token") {
			warned = true
		}
	}
	assert.True(t, warned, "a warning names the missing admin token")
}
