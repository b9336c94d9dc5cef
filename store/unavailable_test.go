package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnavailableDriverErrors gives markUnavailable the errors of the
// drivers and the network that say the database cannot serve now, and
// others that do not.
func TestUnavailableDriverErrors(t *testing.T) {
	closed := closedAddress(t)

	_, dialErr := net.Dial("tcp", closed)
	require.Error(t, dialErr)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, connectErr := pgconn.Connect(ctx, "postgres://musterek@"+closed+"/musterek")
	require.Error(t, connectErr)

	noDir := filepath.Join(t.TempDir(), "missing", "musterek.db")
	lite, err := sql.Open("sqlite", "file:"+noDir)
	require.NoError(t, err)
	defer lite.Close()
	cantOpenErr := lite.Ping()
	require.Error(t, cantOpenErr)

	// SQLSTATE codes from Appendix A of the PostgreSQL manual.
	pg := func(code string) error { return &pgconn.PgError{Severity: "FATAL", Code: code} }
	unavailable := []struct {
		name string
		err  error
	}{
		{"connection refused", dialErr},
		{"PostgreSQL not listening", connectErr},
		{"SQLite file in a missing folder", cantOpenErr},
		{"connection failure", pg("08006")},
		{"too many connections", pg("53300")},
		{"admin shutdown", pg("57P01")},
		{"crash shutdown", pg("57P02")},
		{"cannot connect now", pg("57P03")},
		{"database dropped", pg("57P04")},
		{"idle session timeout", pg("57P05")},
		{"database does not exist", pg("3D000")},
		{"bad connection", driver.ErrBadConn},
		{"connection done", sql.ErrConnDone},
		{"connection closed", pgconn.ErrConnClosed},
		{"deadline while waiting", context.DeadlineExceeded},
	}
	for _, tt := range unavailable {
		t.Run(tt.name, func(t *testing.T) {
			err := fmt.Errorf("store: organization %q: %w", "ayse-yilmaz", tt.err)
			marked := markUnavailable(err)

			assert.ErrorIs(t, marked, ErrUnavailable)
			assert.ErrorIs(t, marked, tt.err, "the driver's error stays in the chain")
			assert.Equal(t, err.Error(), marked.Error(), "the message is kept")

			var ue *UnavailableError
			require.ErrorAs(t, marked, &ue)
			assert.Equal(t, tt.err, ue.Cause)
			assert.Same(t, ue, markUnavailable(marked), "marked once")
		})
	}

	others := []struct {
		name string
		err  error
	}{
		{"unique violation", pg("23505")},
		{"undefined table", pg("42P01")},
		{"serialization failure", pg("40001")},
		{"client gone", context.Canceled},
		{"client gone while dialling", errors.Join(context.Canceled, dialErr)},
		{"not found", cso.ErrNotFound},
		{"other", errors.New("something else")},
	}
	for _, tt := range others {
		t.Run(tt.name, func(t *testing.T) {
			err := fmt.Errorf("store: organization %q: %w", "ayse-yilmaz", tt.err)
			marked := markUnavailable(err)

			assert.NotErrorIs(t, marked, ErrUnavailable)
			assert.Equal(t, err, marked, "returned as it is")
		})
	}

	assert.NoError(t, markUnavailable(nil))
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
