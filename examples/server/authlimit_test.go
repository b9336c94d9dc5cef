package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFailedTokensAreLimited(t *testing.T) {
	s := startServer(t, "-no-demo", "-auth-failure-rate", "0.01", "-auth-failure-burst", "3")
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))
	orgToken := s.issueToken("ornek-dernegi")
	const path = "/api/v1/organizations/ornek-dernegi"

	for i := range 10 {
		assert.Equal(t, http.StatusOK, s.get(path, orgToken).status,
			"right token %d does not count", i)
	}

	failed := []response{
		s.get(path, "mst_wrong-1"),
		s.do(basicAuthRequest(t, s.base+path)),
		s.json(http.MethodPost, path+"/verify", "mst_wrong-2", nil),
	}
	for i, res := range failed {
		assert.Equal(t, http.StatusUnauthorized, res.status, "request %d: %s", i, res.body)
	}
	assert.Equal(t, http.StatusOK, s.get(path, "").status, "no token does not count")

	limited := s.get(path, "mst_wrong-3")
	assert.Equal(t, http.StatusTooManyRequests, limited.status, "body: %s", limited.body)
	assert.Equal(t, "rate_limited", decode[apiErrorBody](t, limited).Error.Code)
	// At 0.01 failures a second the next one is 100 seconds away.
	assert.Equal(t, "100", limited.header.Get("Retry-After"))

	// A flood of bad tokens must not lock out those who hold good ones.
	for name, token := range map[string]string{"organization": orgToken, "admin": testAdminToken} {
		assert.Equal(t, http.StatusOK, s.get(path, token).status,
			"%s token while limited", name)
	}
	assert.Equal(t, http.StatusOK, s.get(path, "").status, "reads without a token")
}

func TestFailedTokensWithoutLimit(t *testing.T) {
	s := startServer(t, "-no-demo", "-auth-failure-rate", "0", "-auth-failure-burst", "1")

	for i := range 5 {
		res := s.get("/api/v1/organizations", "mst_wrong")
		assert.Equal(t, http.StatusUnauthorized, res.status, "request %d", i)
	}
}

// basicAuthRequest returns a GET of url with a header that is not a
// bearer token.
func basicAuthRequest(t *testing.T, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	req.SetBasicAuth("user", "password")
	return req
}
