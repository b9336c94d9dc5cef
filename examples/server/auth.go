package main

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// authenticator turns a request's bearer token into the actor it stands
// for: the administrator, an organization, or the public when there is no
// token.
type authenticator struct {
	// adminHash is the SHA-256 of the admin token; hasAdmin is false when
	// no admin token is configured, so that no token is the admin's.
	adminHash [sha256.Size]byte
	hasAdmin  bool

	dir *cso.Directory
}

// newAuthenticator returns an authenticator that knows adminToken, which
// may be empty, and asks dir about organization tokens.
func newAuthenticator(adminToken string, dir *cso.Directory) *authenticator {
	return &authenticator{
		adminHash: sha256.Sum256([]byte(adminToken)),
		hasAdmin:  adminToken != "",
		dir:       dir,
	}
}

// actor returns the actor of r. A request without an Authorization header
// is the public; a header that is not a known bearer token yields
// cso.ErrUnauthenticated.
func (a *authenticator) actor(ctx context.Context, r *http.Request) (cso.Actor, error) {
	token, present, err := bearerToken(r)
	if err != nil || !present {
		return cso.Actor{}, err
	}

	// Hashing first gives both sides the same length, so the comparison
	// takes the same time whatever the token.
	sum := sha256.Sum256([]byte(token))
	if a.hasAdmin && subtle.ConstantTimeCompare(sum[:], a.adminHash[:]) == 1 {
		return cso.Admin(), nil
	}

	actor, err := a.dir.Authenticate(ctx, token)
	if err != nil {
		return cso.Actor{}, fmt.Errorf("server: authenticate: %w", err)
	}
	return actor, nil
}

// errBadAuthorization is the answer to an Authorization header that is
// not a bearer token.
var errBadAuthorization = fmt.Errorf(
	"server: authorization header is not a bearer token: %w", cso.ErrUnauthenticated)

// bearerToken returns the token of r's "Authorization: Bearer" header and
// whether there was a header at all.
func bearerToken(r *http.Request) (token string, present bool, err error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", false, nil
	}

	scheme, token, ok := strings.Cut(h, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", true, errBadAuthorization
	}
	return token, true, nil
}
