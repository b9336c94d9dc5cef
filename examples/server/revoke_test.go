package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRevokeTokens(t *testing.T) {
	s := startServer(t, "-no-demo")
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))
	s.create(newOrganization("baska-dernek", "Başka Dernek"))
	first, second := s.issueToken("ornek-dernegi"), s.issueToken("ornek-dernegi")
	other := s.issueToken("baska-dernek")
	const tokens = "/api/v1/organizations/ornek-dernegi/tokens"

	res := s.send(http.MethodDelete, tokens, other, "", nil)
	assert.Equal(t, http.StatusForbidden, res.status, "another organization's token")
	res = s.send(http.MethodDelete, tokens, "", "", nil)
	assert.Equal(t, http.StatusUnauthorized, res.status, "no token")

	res = s.send(http.MethodDelete, tokens, first, "", nil)
	assert.Equal(t, http.StatusOK, res.status, "body: %s", res.body)
	assert.Equal(t, 2, decode[revokeResponse](t, res).Revoked)

	for _, token := range []string{first, second} {
		res := s.json(http.MethodPost, "/api/v1/organizations/ornek-dernegi/verify", token, nil)
		assert.Equal(t, http.StatusUnauthorized, res.status, "revoked token")
	}
	res = s.json(http.MethodPost, "/api/v1/organizations/baska-dernek/verify", other, nil)
	assert.Equal(t, http.StatusOK, res.status, "other organization's token still works")

	res = s.send(http.MethodDelete, tokens, testAdminToken, "", nil)
	assert.Equal(t, http.StatusOK, res.status)
	assert.Equal(t, 0, decode[revokeResponse](t, res).Revoked)
}
