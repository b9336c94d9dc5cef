package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/require"
)

// testAdminToken is the admin token of every test server.
const testAdminToken = "test-admin-token-0123456789"

// testServer is a server started by run for one test, on a port of its
// own, with a database of its own.
type testServer struct {
	t    testing.TB
	base string
	logs *syncBuffer
}

// startServer starts the server with the demo data, a fresh SQLite file
// and the admin token in MUSTEREK_ADMIN_TOKEN; args are added to the
// command line. The server stops when the test ends.
func startServer(t testing.TB, args ...string) *testServer {
	t.Helper()
	return startServerOn(t, storetest.DSN(t, "sqlite"), args...)
}

// startServerOn is startServer on the database dsn.
func startServerOn(t testing.TB, dsn string, args ...string) *testServer {
	t.Helper()
	env := map[string]string{"MUSTEREK_ADMIN_TOKEN": testAdminToken}
	return startServerWith(t, dsn, env, args...)
}

// eachDatabase runs test on SQLite, and on PostgreSQL too when
// MUSTEREK_TEST_POSTGRES holds a DSN, each time with an empty database.
func eachDatabase(t *testing.T, test func(t *testing.T, dsn string)) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) { test(t, storetest.DSN(t, dialect)) })
	}
}

// startServerWith starts the server on the database dsn with the
// environment env.
func startServerWith(t testing.TB, dsn string, env map[string]string, args ...string) *testServer {
	t.Helper()
	args = append([]string{
		"-addr", "127.0.0.1:0", "-db", dsn,
		"-log-format", "json", "-log-level", "debug", "-write-rate", "0",
	}, args...)
	getenv := func(name string) string { return env[name] }

	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		ready := func(addr string) { addrs <- addr }
		done <- run(ctx, args, getenv, io.Discard, logs, ready)
	}()

	select {
	case addr := <-addrs:
		t.Cleanup(func() {
			cancel()
			require.NoError(t, <-done, "server stopped with an error")
		})
		return &testServer{t: t, base: "http://" + addr, logs: logs}
	case err := <-done:
		cancel()
		t.Fatalf("server did not start: %v\nlogs:\n%s", err, logs)
	case <-time.After(time.Minute):
		cancel()
		t.Fatal("server did not start within a minute")
	}
	return nil
}

// response is an answer read in full.
type response struct {
	status int
	header http.Header
	body   []byte
}

// send makes a request with a raw body of the content type; token, when
// not empty, is sent as a bearer token.
func (s *testServer) send(method, path, token, contentType string, body []byte) response {
	s.t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, s.base+path, rd)
	require.NoError(s.t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return s.do(req)
}

// do sends req and reads the answer.
func (s *testServer) do(req *http.Request) response {
	s.t.Helper()
	res, err := http.DefaultClient.Do(req)
	require.NoError(s.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(s.t, err)
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// json makes a request whose body is v as JSON, or none when v is nil.
func (s *testServer) json(method, path, token string, v any) response {
	s.t.Helper()
	if v == nil {
		return s.send(method, path, token, "", nil)
	}
	b, err := json.Marshal(v)
	require.NoError(s.t, err)
	return s.send(method, path, token, "application/json", b)
}

// get makes a GET request with the token, which may be empty.
func (s *testServer) get(path, token string) response {
	s.t.Helper()
	return s.send(http.MethodGet, path, token, "", nil)
}

// decode decodes the body of r into a new T, failing the test if it is
// not JSON of that shape.
func decode[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(r.body, &v), "body: %s", r.body)
	return v
}

// object is a JSON object as a test builds or reads it.
type object = map[string]any

// apiErrorBody is the shape of every error answer.
type apiErrorBody struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Fields  map[string]string `json:"fields"`
	} `json:"error"`
}

// syncBuffer is a bytes.Buffer that the server's log handler and the test
// can use at the same time.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// logLines returns the JSON log lines written so far.
func (b *syncBuffer) logLines(t testing.TB) []object {
	t.Helper()
	var lines []object
	for line := range strings.Lines(b.String()) {
		var v object
		require.NoError(t, json.Unmarshal([]byte(line), &v), "log line %q", line)
		lines = append(lines, v)
	}
	return lines
}
