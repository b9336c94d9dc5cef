package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBadInputChangesNothing sends every kind of bad request at one
// organization and checks the answer and that the organization, as the
// administrator reads it, is exactly what it was.
func TestBadInputChangesNothing(t *testing.T) { eachDatabase(t, testBadInputChangesNothing) }

func testBadInputChangesNothing(t *testing.T, dsn string) {
	s := startServerOn(t, dsn, "-max-body", "64KiB")
	const path = "/api/v1/organizations/ornek-dernegi"

	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))
	other := newOrganization("baska-dernek", "Başka Dernek")
	other["registry_id"] = "34-123-456"
	s.create(other)
	otherToken := s.issueToken("baska-dernek")
	before := s.get(path, testAdminToken)
	require.Equal(t, http.StatusOK, before.status)

	// valid returns the organization as stored, ready to be changed.
	valid := func(change func(o object)) object {
		o := newOrganization("ornek-dernegi", "Örnek Derneği")
		o["version"] = 1
		if change != nil {
			change(o)
		}
		return o
	}
	office := func(o object) object { return o["offices"].([]object)[0] }
	asJSON := func(v any) []byte {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return b
	}
	// withRaw returns o as JSON with raw spliced in as its last member.
	withRaw := func(o object, raw string) []byte {
		b := asJSON(o)
		return append(b[:len(b)-1], []byte(","+raw+"}")...)
	}
	huge := valid(func(o object) {
		o["description"] = object{"tr": strings.Repeat("uzun ", 20_000)}
	})

	tests := []struct {
		name        string
		method      string
		path        string
		token       string
		contentType string
		body        []byte
		status      int
		code        string
		field       string // a key of "fields" starts with it, when set
	}{
		{"malformed JSON", "PUT", path, testAdminToken, "application/json",
			[]byte(`{"name": {"tr": "Örnek"`), 400, "bad_request", ""},
		{"not JSON at all", "PUT", path, testAdminToken, "application/json",
			[]byte(`name=Örnek`), 400, "bad_request", ""},
		{"unknown field", "PUT", path, testAdminToken, "application/json",
			withRaw(valid(nil), `"colour": "red"`), 400, "bad_request", "colour"},
		{"wrong type", "PUT", path, testAdminToken, "application/json",
			withRaw(valid(nil), `"version": "1"`), 400, "bad_request", "version"},
		{"wrong type in the second office", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) {
				o["offices"] = []object{office(o), {"address": "Yan Sokak 2", "province": "34"}}
			})), 400, "bad_request", "offices[1].province"},
		{"wrong type in a service name", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) {
				o["services"].([]object)[0]["name"] = object{"tr": "Hukuk", "en": 5}
			})), 400, "bad_request", "services[0].name.en"},
		{"unknown field in an office", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { office(o)["floor"] = 3 })),
			400, "bad_request", "offices[0].floor"},
		{"unknown field in a location", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) {
				office(o)["location"] = object{"lat": 41.0, "lon": 28.9, "alt": 40}
			})), 400, "bad_request", "offices[0].location.alt"},
		{"field name in other case", "PUT", path, testAdminToken, "application/json",
			withRaw(valid(nil), `"Description": {"tr": "Büyük harfle"}`),
			400, "bad_request", "Description"},
		{"confidential given twice", "PUT", path, testAdminToken, "application/json",
			[]byte(strings.Replace(string(asJSON(valid(nil))), `"province":`,
				`"confidential": true, "confidential": false, "province":`, 1)),
			400, "bad_request", "offices[0].confidential"},
		{"null where true or false goes", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { office(o)["confidential"] = nil })),
			400, "bad_request", "offices[0].confidential"},
		{"null status", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["status"] = nil })), 400, "bad_request", "status"},
		{"null version", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["version"] = nil })), 400, "bad_request", "version"},
		{"status left out", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { delete(o, "status") })), 422, "invalid", "status"},
		{"byte-order mark before the body", "PUT", path, testAdminToken, "application/json",
			append([]byte("\xef\xbb\xbf"), asJSON(valid(nil))...), 400, "bad_request", ""},
		{"null body", "PUT", path, testAdminToken, "application/json",
			[]byte(`null`), 400, "bad_request", ""},
		{"trailing data", "PUT", path, testAdminToken, "application/json",
			append(asJSON(valid(nil)), []byte(`{}`)...), 400, "bad_request", ""},
		{"empty body", "PUT", path, testAdminToken, "application/json",
			[]byte{}, 400, "bad_request", ""},
		{"body over the limit", "PUT", path, testAdminToken, "application/json",
			asJSON(huge), 413, "too_large", ""},
		{"invalid UTF-8", "PUT", path, testAdminToken, "application/json",
			bytes.Replace(asJSON(valid(nil)), []byte("Örnek Derneği"),
				[]byte("\xffrnek"), 1), 400, "bad_request", ""},
		{"not JSON content type", "PUT", path, testAdminToken, "text/plain",
			asJSON(valid(nil)), 415, "unsupported_media_type", ""},
		{"JSON in another charset", "PUT", path, testAdminToken,
			"application/json; charset=iso-8859-9",
			asJSON(valid(nil)), 415, "unsupported_media_type", ""},
		{"unknown province", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { office(o)["province"] = 82 })),
			422, "invalid", "offices[0].province"},
		{"unknown service area", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) {
				o["services"].([]object)[0]["service_areas"] = []string{"astrology"}
			})),
			422, "invalid", "services[0].service_areas"},
		{"bad phone", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["phones"] = []string{"12"} })),
			422, "invalid", "phones"},
		{"bad e-mail", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["email"] = "iletisim.example.org" })),
			422, "invalid", "email"},
		{"bad postal code", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { office(o)["postal_code"] = "341" })),
			422, "invalid", "offices[0].postal_code"},
		{"coordinates outside Turkey", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) {
				office(o)["location"] = object{"lat": 48.8566, "lon": 2.3522} // Paris
			})),
			422, "invalid", "offices[0].location"},
		{"duplicate slug", "POST", "/api/v1/organizations", testAdminToken,
			"application/json",
			asJSON(newOrganization("ornek-dernegi", "Başka Bir Ad")), 409, "duplicate", "slug"},
		{"duplicate registry ID", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["registry_id"] = "34-123-456" })),
			409, "duplicate", "registry_id"},
		{"changed slug", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["slug"] = "yeni-ad" })), 422, "invalid", "slug"},
		{"stale version", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["version"] = 7 })), 409, "stale_version", ""},
		{"missing token", "PUT", path, "", "application/json",
			asJSON(valid(nil)), 401, "unauthenticated", ""},
		{"wrong token", "PUT", path, "mst_not-a-token", "application/json",
			asJSON(valid(nil)), 401, "unauthenticated", ""},
		{"admin token with a character missing", "PUT", path, testAdminToken[1:],
			"application/json", asJSON(valid(nil)), 401, "unauthenticated", ""},
		{"other organization's token", "PUT", path, otherToken, "application/json",
			asJSON(valid(nil)), 403, "forbidden", ""},
		{"delete without a token", "DELETE", path, "", "", nil,
			401, "unauthenticated", ""},
		{"delete with a stale version", "DELETE", path + "?version=9", testAdminToken,
			"", nil, 409, "stale_version", ""},
		{"delete with a version that is no number", "DELETE", path + "?version=one",
			testAdminToken, "", nil, 400, "bad_request", "version"},
		{"wrong token on a read", "GET", path, "mst_not-a-token", "", nil,
			401, "unauthenticated", ""},
		{"limit over the maximum", "GET", "/api/v1/organizations?limit=1000", "", "", nil,
			422, "invalid", "limit"},
		{"province that is no number", "GET",
			"/api/v1/organizations?province=istanbul&limit=ten", "", "", nil,
			400, "bad_request", "province"},
		{"verify with a body", "POST", path + "/verify", testAdminToken, "application/json",
			[]byte(`{"last_verified_at": "2020-01-01T00:00:00Z"}`), 400, "bad_request", ""},
		{"delete with a body", "DELETE", path, testAdminToken, "application/json",
			asJSON(valid(nil)), 400, "bad_request", ""},
		{"delete with a negative version", "DELETE", path + "?version=-1", testAdminToken,
			"", nil, 422, "invalid", "version"},
		{"update with a negative version", "PUT", path, testAdminToken, "application/json",
			asJSON(valid(func(o object) { o["version"] = -1 })), 422, "invalid", "version"},
		{"arrays nested 30,000 deep", "PUT", path, testAdminToken, "application/json",
			withRaw(valid(nil), `"x":`+strings.Repeat("[", 30_000)+strings.Repeat("]", 30_000)),
			400, "bad_request", ""},
		{"forged page token", "GET", "/api/v1/organizations?page_token=AQUAAAAAAAAAAAAAAAAAAAAA",
			"", "", nil, 400, "invalid_page_token", "page_token"},
		{"unknown organization", "GET", "/api/v1/organizations/yok-boyle-dernek", "", "", nil,
			404, "not_found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.send(tt.method, tt.path, tt.token, tt.contentType, tt.body)
			assert.Equal(t, tt.status, res.status, "body: %s", res.body)
			assert.Equal(t, "application/json; charset=utf-8", res.header.Get("Content-Type"))

			got := decode[apiErrorBody](t, res)
			assert.Equal(t, tt.code, got.Error.Code)
			assert.NotEmpty(t, got.Error.Message)
			if tt.field != "" {
				assert.True(t, hasFieldPrefix(got.Error.Fields, tt.field),
					"fields %v name %s", got.Error.Fields, tt.field)
			}

			after := s.get(path, testAdminToken)
			assert.JSONEq(t, string(before.body), string(after.body), "organization changed")
		})
	}
}

// hasFieldPrefix reports whether a key of fields starts with prefix.
func hasFieldPrefix(fields map[string]string, prefix string) bool {
	for k := range maps.Keys(fields) {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}
