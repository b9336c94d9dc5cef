package main

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/musterekproje/musterek/cso"
)

// pinger is a database that can say whether it is reachable.
type pinger interface {
	Ping(ctx context.Context) error
}

// server translates between HTTP and the directory.
type server struct {
	dir     *cso.Directory
	db      pinger
	logger  *slog.Logger
	auth    *authenticator
	limiter *writeLimiter
	maxBody int64
	mux     *http.ServeMux

	// params are the query parameters of each route pattern.
	params map[string][]string
}

// newServer returns the server's handler over dir, whose database is db.
func newServer(cfg config, dir *cso.Directory, db pinger, logger *slog.Logger) *server {
	failures := newFailureLimiter(cfg.authFailureRate, cfg.authFailureBurst)
	s := &server{
		dir:     dir,
		db:      db,
		logger:  logger,
		auth:    newAuthenticator(cfg.adminToken, dir, failures),
		limiter: newWriteLimiter(cfg.writeRate, cfg.writeBurst),
		maxBody: int64(cfg.maxBody),
		mux:     http.NewServeMux(),
		params:  make(map[string][]string),
	}
	s.routes()
	return s
}

// routes registers every route of the server with the query parameters
// it takes.
func (s *server) routes() {
	s.handle("GET /healthz", http.HandlerFunc(s.healthz))
	s.handle("GET /readyz", http.HandlerFunc(s.readyz))

	const orgs = "/api/v1/organizations"
	s.handle("GET "+orgs, s.read(s.searchOrganizations), searchParams...)
	s.handle("POST "+orgs, s.write(s.createOrganization))
	s.handle("GET "+orgs+"/{slug}", s.read(s.getOrganization))
	s.handle("PUT "+orgs+"/{slug}", s.write(s.updateOrganization))
	s.handle("DELETE "+orgs+"/{slug}", s.write(s.deleteOrganization), "version")
	s.handle("POST "+orgs+"/{slug}/verify", s.write(s.verifyOrganization))
	s.handle("POST "+orgs+"/{slug}/tokens", s.write(s.issueToken))
	s.handle("DELETE "+orgs+"/{slug}/tokens", s.write(s.revokeTokens))

	s.handle("GET /api/v1/provinces", http.HandlerFunc(s.provinces), "lang")
	s.handle("GET /api/v1/service-areas", s.terms(cso.ServiceAreas), "lang")
	s.handle("GET /api/v1/target-groups", s.terms(cso.TargetGroups), "lang")
}

// handle registers h for the route pattern, which takes the query
// parameters named in params and no others.
func (s *server) handle(pattern string, h http.Handler, params ...string) {
	s.mux.Handle(pattern, h)
	s.params[pattern] = params
}

// apiFunc handles a request on behalf of actor. It returns an error only
// before it has written anything.
type apiFunc func(w http.ResponseWriter, r *http.Request, actor cso.Actor) error

// read serves h to anyone. A token, when given, must be valid: it lets an
// organization see its own confidential offices.
func (s *server) read(h apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, err := s.auth.actor(r.Context(), r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		s.serve(w, r, actor, h)
	})
}

// write serves h to a valid token only, within the token's rate limit.
func (s *server) write(h apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, _, _ := bearerToken(r)
		if d := s.limiter.delay(token); d > 0 {
			s.writeError(w, r, tooManyRequests(
				"too many writes with this token; wait and try again", d))
			return
		}

		actor, err := s.auth.actor(r.Context(), r)
		if err == nil && actor.IsPublic() {
			err = errNoToken
		}
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		s.serve(w, r, actor, h)
	})
}

// serve runs h for actor and answers its error.
func (s *server) serve(w http.ResponseWriter, r *http.Request, actor cso.Actor, h apiFunc) {
	setActor(r.Context(), actor)
	if !actor.IsPublic() {
		// What a token sees may include confidential offices.
		w.Header().Set("Cache-Control", "no-store")
	}

	if err := h(w, r, actor); err != nil {
		s.writeError(w, r, err)
	}
}
