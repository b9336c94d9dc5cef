package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDuplicateNamesTheField(t *testing.T) { eachDatabase(t, testDuplicateNamesTheField) }

func testDuplicateNamesTheField(t *testing.T, dsn string) {
	s := startServerOn(t, dsn, "-no-demo")

	first := newOrganization("", "Gönüllü Hekimler Derneği")
	delete(first, "slug")
	first["short_name"] = "GHD"
	first["registry_id"] = "34-123-456"
	require.Equal(t, "ghd", s.create(first)["slug"])
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))

	withShortName := newOrganization("", "Gaziantep Halk Derneği")
	delete(withShortName, "slug")
	withShortName["short_name"] = "GHD"

	withName := newOrganization("", "Örnek Derneği")
	delete(withName, "slug")

	withRegistryID := newOrganization("baska-dernek", "Başka Dernek")
	withRegistryID["registry_id"] = "34-123-456"

	update := newOrganization("ornek-dernegi", "Örnek Derneği")
	update["registry_id"] = "34-123-456"
	update["version"] = 1

	const taken = "is already taken by another organization"
	tests := []struct {
		name    string
		method  string
		path    string
		body    object
		message string
		fields  map[string]string
	}{
		{"slug given", "POST", "/api/v1/organizations",
			newOrganization("ghd", "Başka Bir Ad"),
			`slug "ghd" is already taken by another organization`,
			map[string]string{"slug": taken}},
		{"slug derived from the short name", "POST", "/api/v1/organizations",
			withShortName,
			`slug "ghd" is already taken by another organization`,
			map[string]string{"slug": taken + "; it was derived from short_name, " +
				"so give a different slug explicitly"}},
		{"slug derived from the Turkish name", "POST", "/api/v1/organizations",
			withName,
			`slug "ornek-dernegi" is already taken by another organization`,
			map[string]string{"slug": taken + "; it was derived from name.tr, " +
				"so give a different slug explicitly"}},
		{"registry ID on create", "POST", "/api/v1/organizations",
			withRegistryID,
			`registry_id "34-123-456" is already taken by another organization`,
			map[string]string{"registry_id": taken}},
		{"registry ID on update", "PUT", "/api/v1/organizations/ornek-dernegi",
			update,
			`registry_id "34-123-456" is already taken by another organization`,
			map[string]string{"registry_id": taken}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.json(tt.method, tt.path, testAdminToken, tt.body)
			assert.Equal(t, http.StatusConflict, res.status, "body: %s", res.body)

			got := decode[apiErrorBody](t, res)
			assert.Equal(t, "duplicate", got.Error.Code)
			assert.Equal(t, tt.message, got.Error.Message)
			assert.Equal(t, tt.fields, got.Error.Fields)
		})
	}

	t.Run("nothing was created", func(t *testing.T) {
		res := s.get("/api/v1/organizations?limit=100", "")
		require.Equal(t, http.StatusOK, res.status)
		assert.Equal(t, 2, decode[searchPage](t, res).Total)
	})
}
