package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDroppedDatabaseIsUnavailable(t *testing.T) {
	base := os.Getenv(storetest.PostgresEnv)
	if base == "" {
		t.Skipf("%s is not set: this test needs a PostgreSQL server on which "+
			"it may create and drop a database", storetest.PostgresEnv)
	}
	dsn, drop := storetest.NewPostgresDatabase(t, base)

	s := startServerOn(t, dsn, "-no-demo")
	s.create(newOrganization("ornek-dernegi", "Örnek Derneği"))
	orgToken := s.issueToken("ornek-dernegi")
	require.Equal(t, http.StatusOK, s.get("/api/v1/organizations", "").status)

	drop()

	tests := []struct {
		name   string
		method string
		path   string
		token  string
		body   any
	}{
		{"search", "GET", "/api/v1/organizations?q=Ayşe+Yılmaz", "", nil},
		{"read", "GET", "/api/v1/organizations/ornek-dernegi", "", nil},
		{"read with a token", "GET", "/api/v1/organizations/ornek-dernegi", orgToken, nil},
		{"create", "POST", "/api/v1/organizations", testAdminToken,
			newOrganization("baska-dernek", "Başka Dernek")},
		{"verify", "POST", "/api/v1/organizations/ornek-dernegi/verify", testAdminToken, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.json(tt.method, tt.path, tt.token, tt.body)
			assertUnavailable(t, res)
		})
	}

	assert.Equal(t, http.StatusServiceUnavailable, s.get("/readyz", "").status)
	assert.Equal(t, http.StatusOK, s.get("/api/v1/provinces", "").status,
		"what needs no database is still served")

	var logged int
	for _, line := range s.logs.logLines(t) {
		if line["msg"] == "database unavailable" {
			logged++
			assert.Equal(t, "ERROR", line["level"])
			assert.NotEmpty(t, line["err"])
		}
	}
	require.Equal(t, len(tests), logged, "each request logs why")
	logs := s.logs.String()
	for _, secret := range []string{"Ayşe", "Yılmaz", orgToken, testAdminToken, "ornek-dernegi"} {
		assert.NotContains(t, logs[strings.Index(logs, "database unavailable"):], secret)
	}
}

// assertUnavailable asserts that res is the answer to a request that the
// database could not serve.
func assertUnavailable(t *testing.T, res response) {
	t.Helper()
	assert.Equal(t, http.StatusServiceUnavailable, res.status, "body: %s", res.body)
	assert.Equal(t, "unavailable", decode[apiErrorBody](t, res).Error.Code)

	seconds, err := strconv.Atoi(res.header.Get("Retry-After"))
	assert.NoError(t, err, "Retry-After is a number of seconds")
	assert.Positive(t, seconds, "Retry-After")
}

// TestUnreachableDatabaseErrors writes the answers to errors of a store
// that cannot reach its database, wrapped as a cso.Directory wraps them,
// and to others.
func TestUnreachableDatabaseErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, openErr := store.Open(ctx, "postgres://musterek@"+closedAddress(t)+"/musterek")
	require.Error(t, openErr)

	unavailable := []struct {
		name string
		err  error
	}{
		{"PostgreSQL not listening", openErr},
		{"SQLite folder gone", sqliteGoneError(t, "ayse-yilmaz")},
		{"another store's sentinel", fmt.Errorf("store: %w", store.ErrUnavailable)},
	}
	for _, tt := range unavailable {
		t.Run(tt.name, func(t *testing.T) {
			err := fmt.Errorf("cso: get %q: %w", "Ayşe Yılmaz", tt.err)
			res, logs := writeErrorOf(t, err)
			assertUnavailable(t, res)
			assert.Contains(t, logs, `"level":"ERROR"`)
			assert.Contains(t, logs, `"msg":"database unavailable"`)
			for _, secret := range []string{"Ayşe", "ayse-yilmaz"} {
				assert.NotContains(t, logs, secret,
					"the log holds the driver's error only")
			}
		})
	}

	others := []struct {
		name   string
		err    error
		status int
	}{
		{"client gone", context.Canceled, http.StatusInternalServerError},
		{"not found", cso.ErrNotFound, http.StatusNotFound},
		{"other", errors.New("something else"), http.StatusInternalServerError},
	}
	for _, tt := range others {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := writeErrorOf(t, fmt.Errorf("store: %w", tt.err))
			assert.Equal(t, tt.status, res.status, "body: %s", res.body)
			assert.Empty(t, res.header.Get("Retry-After"))
		})
	}
}

// sqliteGoneError returns the error with which a store reads the
// organization with the slug after the folder of its SQLite file was
// removed.
func sqliteGoneError(t *testing.T, slug string) error {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	require.NoError(t, os.Mkdir(dir, 0o700))
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "musterek.db"))
	require.NoError(t, err)
	defer db.Close()

	// Without idle connections, the read opens the file anew.
	db.Bun().SetMaxIdleConns(0)
	require.NoError(t, os.RemoveAll(dir))

	_, err = db.Organizations().Organization(ctx, slug)
	require.Error(t, err)
	return err
}

// closedAddress returns a local TCP address on which nothing listens.
func closedAddress(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

// writeErrorOf returns the answer a server writes for err, and its log.
func writeErrorOf(t *testing.T, err error) (response, string) {
	t.Helper()
	var logs strings.Builder
	s := &server{logger: slog.New(slog.NewJSONHandler(&logs, nil))}

	rec := httptest.NewRecorder()
	s.writeError(rec, httptest.NewRequest(http.MethodGet, "/", nil), err)
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}, logs.String()
}
