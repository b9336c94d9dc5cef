package main

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/time/rate"

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

	// failures limits the failed tokens of all clients together, so that
	// a flood of bad tokens cannot load the database; nil means no limit.
	failures *rate.Limiter
}

// newAuthenticator returns an authenticator that knows adminToken, which
// may be empty, asks dir about organization tokens and counts failed
// tokens against failures, which may be nil.
func newAuthenticator(adminToken string, dir *cso.Directory,
	failures *rate.Limiter) *authenticator {
	return &authenticator{
		adminHash: sha256.Sum256([]byte(adminToken)),
		hasAdmin:  adminToken != "",
		dir:       dir,
		failures:  failures,
	}
}

// newFailureLimiter returns a limiter of perSecond failed tokens a second,
// in bursts of burst, or nil when perSecond is 0.
func newFailureLimiter(perSecond float64, burst int) *rate.Limiter {
	if perSecond == 0 {
		return nil
	}
	return rate.NewLimiter(rate.Limit(perSecond), burst)
}

// actor returns the actor of r. A request without an Authorization header
// is the public; a header that is not a known bearer token yields
// cso.ErrUnauthenticated, or a 429 while too many tokens have failed.
// Known tokens are always accepted: they carry 256 random bits, so the
// limit is there to spare the database a flood of lookups, not to hide
// which guess was right, and a flood of bad tokens must not lock out the
// organizations and the administrator.
func (a *authenticator) actor(ctx context.Context, r *http.Request) (cso.Actor, error) {
	token, present, err := bearerToken(r)
	if !present {
		return cso.Actor{}, nil
	}

	var actor cso.Actor
	if err == nil {
		actor, err = a.check(ctx, token)
	}
	if !errors.Is(err, cso.ErrUnauthenticated) || a.failures == nil {
		return actor, err
	}

	if d := a.failureDelay(); d > 0 {
		return cso.Actor{}, tooManyRequests(
			"too many requests with unknown tokens; wait and try again", d)
	}
	a.failures.Allow()
	return actor, err
}

// check returns the actor of token.
func (a *authenticator) check(ctx context.Context, token string) (cso.Actor, error) {
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

// failureDelay returns how long to wait before a token may be checked, or
// 0 when one may be now.
func (a *authenticator) failureDelay() time.Duration {
	if a.failures == nil {
		return 0
	}

	now := time.Now()
	res := a.failures.ReserveN(now, 1)
	defer res.CancelAt(now)
	return res.DelayFrom(now)
}

// errBadAuthorization is the answer to an Authorization header that is
// not a bearer token.
var errBadAuthorization = unauthenticated(
	"the Authorization header must be \"Bearer\" followed by a token")

// errManyAuthorizations is the answer to a request with more than one
// Authorization header: which of them counts would be anyone's guess.
var errManyAuthorizations = unauthenticated(
	"give one Authorization header, not several")

// bearerToken returns the token of r's "Authorization: Bearer" header and
// whether there was a header at all.
func bearerToken(r *http.Request) (token string, present bool, err error) {
	headers := r.Header.Values("Authorization")
	switch {
	case len(headers) == 0 || len(headers) == 1 && headers[0] == "":
		return "", false, nil
	case len(headers) > 1:
		return "", true, errManyAuthorizations
	}
	h := headers[0]

	scheme, token, ok := strings.Cut(h, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", true, errBadAuthorization
	}
	return token, true, nil
}
