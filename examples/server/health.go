package main

import (
	"context"
	"net/http"
	"time"
)

// readyTimeout bounds how long /readyz waits for the database.
const readyTimeout = 2 * time.Second

// healthStatus is the answer of the health checks.
type healthStatus struct {
	Status string `json:"status"`
}

// healthz answers GET /healthz: the process is alive.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, healthStatus{"ok"})
}

// readyz answers GET /readyz: the database is reachable, so requests can
// be served.
func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()

	w.Header().Set("Cache-Control", "no-store")
	if err := s.db.Ping(ctx); err != nil {
		s.logger.ErrorContext(ctx, "database unreachable",
			"request_id", requestID(ctx), "err", err)
		writeJSON(w, http.StatusServiceUnavailable, healthStatus{"unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, healthStatus{"ok"})
}
