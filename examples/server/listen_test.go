package main

import (
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBadAddressFailsBeforeTheDatabase(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()

	tests := []struct {
		name string
		addr string
	}{
		{"port in use", taken.Addr().String()},
		{"not an address", "nonsense"},
		{"port out of range", "127.0.0.1:70000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"-addr", tt.addr, "-db", "sqlite:" + filepath.Join(dir, "musterek.db")}

			err := run(context.Background(), args, func(string) string { return "" },
				io.Discard, io.Discard, func(string) { t.Error("the server started") })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.addr, "the error names the address")

			files, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, files, "no database file was created")
		})
	}
}
