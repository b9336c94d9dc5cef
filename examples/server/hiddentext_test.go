package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCreateRefusesHiddenTextAndIPAddresses sends organizations whose
// names hold nothing to read or characters that are not text, or whose
// web addresses name an IP address or hide a direction override, and
// checks that each gets a 422 naming the field and its problem and that
// none is stored.
func TestCreateRefusesHiddenTextAndIPAddresses(t *testing.T) {
	s := startServer(t)
	const path = "/api/v1/organizations/gizli-metin-dernegi"

	cases := []struct {
		name   string
		change func(o object)
		fields map[string]string
	}{
		{"name of a zero-width space", func(o object) {
			o["name"] = object{"tr": "Gizli Metin Derneği", "en": "\u200b"}
		}, map[string]string{"name.en": "must hold letters or digits"}},
		{"name with a private-use character", func(o object) {
			o["name"] = object{"tr": "Gizli\ue000 Metin Derneği"}
		}, map[string]string{"name.tr": "must not contain the private-use " +
			"character U+E000, which each device shows differently"}},
		{"address of a combining accent", func(o object) {
			o["offices"].([]object)[0]["address"] = "\u0301"
		}, map[string]string{"offices[0].address": "must hold letters or digits"}},
		{"website of an IP address", func(o object) {
			o["website"] = "http://127.0.0.1/"
		}, map[string]string{"website": `must name a domain, not the IP address "127.0.0.1"`}},
		{"bare IP address as a website", func(o object) {
			o["website"] = "192.168.1.1"
		}, map[string]string{"website": `must name a domain, not the IP address "192.168.1.1"`}},
		{"social link with a right-to-left override", func(o object) {
			o["social_links"] = []string{"https://x.org/\u202egnp.exe"}
		}, map[string]string{"social_links[0]": "must not hold invisible or " +
			"direction-control characters: remove U+202E"}},
		{"website on localhost", func(o object) {
			o["website"] = "http://localhost:8080"
		}, map[string]string{"website": `has "localhost" as its host, which is ` +
			`not a public domain name: a public one has a dot, such as example.org`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := newOrganization("gizli-metin-dernegi", "Gizli Metin Derneği")
			c.change(o)

			res := s.json(http.MethodPost, "/api/v1/organizations", testAdminToken, o)
			require.Equal(t, http.StatusUnprocessableEntity, res.status, "body: %s", res.body)
			got := decode[apiErrorBody](t, res)
			assert.Equal(t, "invalid", got.Error.Code)
			assert.Equal(t, c.fields, got.Error.Fields)

			assert.Equal(t, http.StatusNotFound, s.get(path, testAdminToken).status)
		})
	}
}
