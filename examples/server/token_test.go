package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenLabels(t *testing.T) {
	s := startServer(t, "-no-demo")
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))
	const path = "/api/v1/organizations/ornek-dernegi/tokens"

	tests := []struct {
		name   string
		label  string
		status int
	}{
		{"empty", "", http.StatusCreated},
		{"100 characters", strings.Repeat("ş", 100), http.StatusCreated},
		{"Arabic", "حاسوب المكتب", http.StatusCreated},
		{"101 characters", strings.Repeat("a", 101), http.StatusUnprocessableEntity},
		{"NUL", "office\x00laptop", http.StatusUnprocessableEntity},
		{"new line", "office\nlaptop", http.StatusUnprocessableEntity},
		{"escape", "office\x1b[31mlaptop", http.StatusUnprocessableEntity},
		{"right-to-left override", "office\u202elaptop", http.StatusUnprocessableEntity},
		{"isolate", "office\u2066laptop", http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.json(http.MethodPost, path, testAdminToken, object{"label": tt.label})
			require.Equal(t, tt.status, res.status, "body: %s", res.body)
			if tt.status == http.StatusCreated {
				return
			}

			got := decode[apiErrorBody](t, res)
			assert.Equal(t, "invalid", got.Error.Code)
			assert.Len(t, got.Error.Fields, 1)
			assert.Contains(t, got.Error.Fields, "label")
			assert.NotContains(t, string(res.body), "mst_", "no token issued")
		})
	}
}

func TestSeveralAuthorizationHeadersAreRefused(t *testing.T) {
	s := startServer(t, "-no-demo")
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))
	orgToken := s.issueToken("ornek-dernegi")
	const path = "/api/v1/organizations/ornek-dernegi/verify"

	req, err := http.NewRequest(http.MethodPost, s.base+path, nil)
	require.NoError(t, err)
	req.Header.Add("Authorization", "Bearer "+orgToken)
	req.Header.Add("Authorization", "Bearer "+testAdminToken)

	res := s.do(req)
	assert.Equal(t, http.StatusUnauthorized, res.status, "body: %s", res.body)
	got := decode[apiErrorBody](t, res).Error
	assert.Equal(t, "unauthenticated", got.Code)
	assert.Contains(t, got.Message, "one Authorization header",
		"the answer says what is wrong with the request")

	after := decode[object](t, s.get("/api/v1/organizations/ornek-dernegi", orgToken))
	assert.NotContains(t, after, "last_verified_at", "nothing was verified")
}

func TestUnauthenticatedAnswersSayWhy(t *testing.T) {
	s := startServer(t, "-no-demo")
	const orgs = "/api/v1/organizations"

	tests := []struct {
		name    string
		req     *http.Request
		message string // a part of the message that says why
	}{
		{"basic credentials", basicAuthRequest(t, s.base+orgs), `"Bearer"`},
		{"bearer without a token",
			authRequest(t, http.MethodGet, s.base+orgs, "Bearer "), `"Bearer"`},
		{"write without a token",
			authRequest(t, http.MethodPost, s.base+orgs, ""), "a write needs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.do(tt.req)
			assert.Equal(t, http.StatusUnauthorized, res.status, "body: %s", res.body)
			got := decode[apiErrorBody](t, res).Error
			assert.Equal(t, "unauthenticated", got.Code)
			assert.Contains(t, got.Message, tt.message)
		})
	}
}

// authRequest returns a request of url whose Authorization header is
// authorization, or that has none when it is empty.
func authRequest(t *testing.T, method, url, authorization string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return req
}
