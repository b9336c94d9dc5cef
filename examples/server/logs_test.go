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

// TestLogsKeepSecretsOut uses tokens and personal search words, then
// checks that the log has a line for every request and none of them.
func TestLogsKeepSecretsOut(t *testing.T) {
	s := startServer(t)
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))
	orgToken := s.issueToken("ornek-dernegi")

	o := newOrganization("ornek-dernegi", "Örnek Derneği")
	o["version"] = 1
	require.Equal(t, http.StatusOK,
		s.json(http.MethodPut, "/api/v1/organizations/ornek-dernegi", orgToken, o).status)
	require.Equal(t, http.StatusUnauthorized,
		s.json(http.MethodPut, "/api/v1/organizations/ornek-dernegi", "mst_guessed", o).status)
	require.Equal(t, http.StatusOK,
		s.get("/api/v1/organizations?q=Ayşe+Yılmaz+kimlik&province=34", orgToken).status)
	require.Equal(t, http.StatusBadRequest,
		s.get("/api/v1/organizations?page_token=gizli-deger", "").status)

	logs := s.logs.String()
	for _, secret := range []string{
		testAdminToken, orgToken, "mst_guessed", "Ayşe", "Yılmaz", "kimlik", "gizli-deger",
		"&province=34", "organizations?", "Go-http-client",
	} {
		assert.NotContains(t, logs, secret)
	}

	var requests []object
	for _, line := range s.logs.logLines(t) {
		if line["msg"] == "request" {
			requests = append(requests, line)
		}
	}
	require.Len(t, requests, 6)

	want := []struct {
		level, route, actor string
		status              int
	}{
		{"INFO", "POST /api/v1/organizations", "admin", 201},
		{"INFO", "POST /api/v1/organizations/{slug}/tokens", "admin", 201},
		{"INFO", "PUT /api/v1/organizations/{slug}", "organization:", 200},
		{"WARN", "PUT /api/v1/organizations/{slug}", "public", 401},
		{"INFO", "GET /api/v1/organizations", "organization:", 200},
		{"INFO", "GET /api/v1/organizations", "public", 400},
	}
	for i, w := range want {
		line := requests[i]
		assert.Equal(t, w.level, line["level"], "request %d", i)
		assert.Equal(t, w.route, line["route"], "request %d", i)
		assert.EqualValues(t, w.status, line["status"], "request %d", i)
		assert.True(t, strings.HasPrefix(fmt.Sprint(line["actor"]), w.actor),
			"request %d actor %v", i, line["actor"])
		assert.Len(t, line["request_id"], 16, "request %d", i)
		assert.ElementsMatch(t, []string{"time", "level", "msg", "request_id", "method",
			"route", "status", "duration", "bytes", "actor"}, slices.Collect(maps.Keys(line)),
			"request %d logs only these attributes", i)
	}
}
