package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHealthz(t *testing.T) {
	s := startServer(t)

	for _, path := range []string{"/healthz", "/readyz"} {
		res := s.get(path, "")
		assert.Equal(t, http.StatusOK, res.status, path)
		assert.JSONEq(t, `{"status":"ok"}`, string(res.body), path)
		assert.Equal(t, "application/json; charset=utf-8", res.header.Get("Content-Type"))
		assert.Equal(t, "nosniff", res.header.Get("X-Content-Type-Options"))
		assert.Len(t, res.header.Get("X-Request-ID"), 16, "request ID")
	}
}

// downDatabase is a database that cannot be reached.
type downDatabase struct{}

func (downDatabase) Ping(context.Context) error { return errors.New("connection refused") }

func TestReadyzWhenTheDatabaseIsDown(t *testing.T) {
	cfg, err := parseConfig(nil, func(string) string { return "" }, io.Discard)
	require.NoError(t, err)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := newServer(cfg, nil, downDatabase{}, logger)

	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.JSONEq(t, `{"status":"unavailable"}`, rec.Body.String())
}

func TestUnknownRoutesAnswerInJSON(t *testing.T) {
	s := startServer(t, "-no-demo")

	tests := []struct {
		method, path string
		status       int
		code         string
		allow        string
	}{
		{"GET", "/nowhere", 404, "not_found", ""},
		{"GET", "/api/v2/organizations", 404, "not_found", ""},
		{"DELETE", "/api/v1/organizations", 405, "method_not_allowed", "GET, HEAD, POST"},
		{"POST", "/healthz", 405, "method_not_allowed", "GET, HEAD"},
		{"PATCH", "/api/v1/organizations/ornek", 405, "method_not_allowed",
			"DELETE, GET, HEAD, PUT"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			res := s.send(tt.method, tt.path, "", "", nil)
			assert.Equal(t, tt.status, res.status)
			assert.Equal(t, "application/json; charset=utf-8", res.header.Get("Content-Type"))
			assert.Equal(t, tt.code, decode[apiErrorBody](t, res).Error.Code)
			assert.Equal(t, tt.allow, res.header.Get("Allow"))
		})
	}
}

func TestPanicBecomesLoggedInternalError(t *testing.T) {
	cfg, err := parseConfig([]string{"-log-format", "json"}, func(string) string { return "" },
		io.Discard)
	require.NoError(t, err)
	logs := &syncBuffer{}
	srv := newServer(cfg, nil, downDatabase{}, newLogger(logs, cfg))
	srv.mux.HandleFunc("GET /boom", func(http.ResponseWriter, *http.Request) {
		panic("boom")
	})

	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/boom", nil))
	assert.Equal(t, http.StatusInternalServerError, rec.Code)

	id := rec.Header().Get("X-Request-ID")
	require.Len(t, id, 16)
	assert.JSONEq(t, `{"error":{"code":"internal","message":"internal error (request `+id+`)"}}`,
		rec.Body.String())

	var failed, logged bool
	for _, line := range logs.logLines(t) {
		if line["request_id"] != id || line["level"] != "ERROR" {
			continue
		}
		failed = failed || line["msg"] == "request failed"
		logged = logged || (line["msg"] == "request" && line["status"] == 500.0)
	}
	assert.True(t, failed, "the panic is logged with the request ID")
	assert.True(t, logged, "the request is logged at Error")
}
