package main

import (
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSlugWithNULIsNotFound(t *testing.T) { eachDatabase(t, testSlugWithNULIsNotFound) }

func testSlugWithNULIsNotFound(t *testing.T, dsn string) {
	s := startServerOn(t, dsn)
	const path = "/api/v1/organizations/sgdd-asam%00"
	before := s.get("/api/v1/organizations/sgdd-asam", testAdminToken)
	require.Equal(t, http.StatusOK, before.status)

	update := newOrganization("sgdd-asam", "Sığınmacılar ve Göçmenlerle Dayanışma Derneği")
	update["version"] = 1

	tests := []struct {
		name   string
		method string
		path   string
		token  string
		body   any
	}{
		{"read", "GET", path, "", nil},
		{"read as admin", "GET", path, testAdminToken, nil},
		{"update", "PUT", path, testAdminToken, update},
		{"delete", "DELETE", path, testAdminToken, nil},
		{"delete with a version", "DELETE", path + "?version=1", testAdminToken, nil},
		{"verify", "POST", path + "/verify", testAdminToken, nil},
		{"issue a token", "POST", path + "/tokens", testAdminToken, object{"label": "x"}},
		{"NUL in the middle", "GET", "/api/v1/organizations/sgdd%00-asam", "", nil},
		{"only NUL", "GET", "/api/v1/organizations/%00", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.json(tt.method, tt.path, tt.token, tt.body)
			assert.Equal(t, http.StatusNotFound, res.status, "body: %s", res.body)
			assert.Equal(t, "not_found", decode[apiErrorBody](t, res).Error.Code)
		})
	}

	after := s.get("/api/v1/organizations/sgdd-asam", testAdminToken)
	assert.JSONEq(t, string(before.body), string(after.body), "organization changed")
}

func TestControlCharactersAreRefused(t *testing.T) {
	eachDatabase(t, testControlCharactersAreRefused)
}

func testControlCharactersAreRefused(t *testing.T, dsn string) {
	s := startServerOn(t, dsn, "-no-demo")

	tests := []struct {
		name   string
		change func(o object)
		field  string
	}{
		{"NUL short name", func(o object) { o["short_name"] = "\x00" }, "short_name"},
		{"NUL in an address", func(o object) {
			o["offices"].([]object)[0]["address"] = "a\x00b"
		}, "offices[0].address"},
		{"NUL in the Turkish name", func(o object) {
			o["name"] = object{"tr": "N\x00x"}
		}, "name.tr"},
		{"bell in a district", func(o object) {
			o["offices"].([]object)[0]["district"] = "Fatih\a"
		}, "offices[0].district"},
		{"right-to-left override in the name", func(o object) {
			o["name"] = object{"tr": "Örnek \u202eiğenreD"}
		}, "name.tr"},
		{"left-to-right isolate in the short name", func(o object) {
			o["short_name"] = "\u2066ÖD\u2069"
		}, "short_name"},
		{"NUL in a service name", func(o object) {
			o["services"].([]object)[0]["name"] = object{"tr": "Hukuk\x00"}
		}, "services[0].name.tr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := newOrganization("ornek-dernegi", "Örnek Derneği")
			tt.change(o)
			res := s.json(http.MethodPost, "/api/v1/organizations", testAdminToken, o)
			assert.Equal(t, http.StatusUnprocessableEntity, res.status, "body: %s", res.body)

			got := decode[apiErrorBody](t, res)
			assert.Equal(t, "invalid", got.Error.Code)
			assert.Equal(t, []string{tt.field}, slices.Collect(maps.Keys(got.Error.Fields)))

			assert.Equal(t, http.StatusNotFound,
				s.get("/api/v1/organizations/ornek-dernegi", testAdminToken).status,
				"nothing stored")
		})
	}

	res := s.get("/api/v1/organizations?status=active,inactive,closed", testAdminToken)
	require.Equal(t, http.StatusOK, res.status)
	assert.Zero(t, decode[searchPage](t, res).Total, "nothing stored")
}
