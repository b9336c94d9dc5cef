package store

import (
	"os"
	"testing"
)

// TestMain removes the databases the benchmarks generated once they have
// all run.
func TestMain(m *testing.M) {
	code := m.Run()
	closeBenchDBs()
	os.Exit(code)
}
