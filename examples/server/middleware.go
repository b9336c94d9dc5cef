package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"
)

// requestInfo is what the server learns about a request while serving it,
// for the request log.
type requestInfo struct {
	id    string
	actor string
}

// requestInfoKey is the context key of a request's *requestInfo.
type requestInfoKey struct{}

// requestID returns the ID of the request that ctx belongs to.
func requestID(ctx context.Context) string {
	if info, ok := ctx.Value(requestInfoKey{}).(*requestInfo); ok {
		return info.id
	}
	return ""
}

// setActor records who made the request, for the request log.
func setActor(ctx context.Context, actor fmt.Stringer) {
	if info, ok := ctx.Value(requestInfoKey{}).(*requestInfo); ok {
		info.actor = actor.String()
	}
}

// newRequestID returns a random ID that ties a request's log lines to the
// answer the client got.
func newRequestID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// ServeHTTP serves r and logs it: every answer carries a request ID and
// the security headers, and a panic becomes a 500.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	info := &requestInfo{id: newRequestID(), actor: "public"}
	r = r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, info))

	rec := &responseRecorder{ResponseWriter: w}
	h := rec.Header()
	h.Set("X-Request-ID", info.id)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")

	defer s.logRequest(r, rec, info, start)
	defer s.recoverPanic(rec, r)
	s.dispatch(rec, r)
}

// recoverPanic turns a panic of a handler into a 500, unless the handler
// meant to abort the connection.
func (s *server) recoverPanic(w *responseRecorder, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}

	err := fmt.Errorf("server: panic: %v\n%s", v, debug.Stack())
	if w.status != 0 {
		// The answer has begun and cannot become an error any more.
		s.logger.ErrorContext(r.Context(), "request failed",
			"request_id", requestID(r.Context()), "err", err)
		return
	}
	s.writeError(w, r, err)
}

// logRequest writes one line about a served request. It leaves out the
// query string, headers, bodies and the client's address, which may hold
// personal data or credentials.
func (s *server) logRequest(r *http.Request, w *responseRecorder, info *requestInfo,
	start time.Time) {
	status := w.status
	if status == 0 {
		status = http.StatusOK
	}

	level := slog.LevelInfo
	switch {
	case status >= 500:
		level = slog.LevelError
	case status == http.StatusUnauthorized, status == http.StatusForbidden,
		status == http.StatusTooManyRequests:
		level = slog.LevelWarn
	}

	route := r.Pattern
	if route == "" {
		route = "unmatched"
	}
	s.logger.LogAttrs(r.Context(), level, "request",
		slog.String("request_id", info.id),
		slog.String("method", r.Method),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
		slog.Int64("bytes", w.bytes),
		slog.String("actor", info.actor),
	)
}

// dispatch hands r to its route, once its query string is known to be
// sound, and answers in JSON when there is no route.
func (s *server) dispatch(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		if err := checkQuery(r.URL.RawQuery, s.params[pattern]); err != nil {
			r.Pattern = pattern // for the request log
			s.writeError(w, r, err)
			return
		}
		s.mux.ServeHTTP(w, r)
		return
	}

	// The mux knows whether another method would have matched; ask it
	// without letting it write its plain-text answer.
	probe := &responseProbe{header: http.Header{}}
	s.mux.ServeHTTP(probe, r)
	if probe.status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", probe.header.Get("Allow"))
		s.writeError(w, r, errMethodNotAllowed)
		return
	}
	s.writeError(w, r, errNoRoute)
}

// responseRecorder passes an answer on while noting its status and size.
type responseRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

// WriteHeader notes the status and passes it on.
func (w *responseRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

// Write notes the bytes written and passes them on.
func (w *responseRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap returns the underlying writer, for http.ResponseController.
func (w *responseRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// responseProbe keeps the status and headers of an answer and drops the
// rest.
type responseProbe struct {
	header http.Header
	status int
}

func (p *responseProbe) Header() http.Header         { return p.header }
func (p *responseProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *responseProbe) WriteHeader(status int)      { p.status = status }
