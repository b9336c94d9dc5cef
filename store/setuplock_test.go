package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/musterekproje/musterek/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Processes that open the same new SQLite file at once take turns
// setting it up: every one opens it, and each migration is applied once.
func TestConcurrentOpenOfNewSQLiteFile(t *testing.T) {
	files, err := os.ReadDir(filepath.Join("migrations", "sqlite"))
	require.NoError(t, err)
	migrations := 0
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".up.sql") {
			migrations++
		}
	}

	for round := range 10 {
		dsn := "sqlite:" + filepath.Join(t.TempDir(), "musterek.db")

		const openers = 4
		errs := make([]error, openers)
		var wg sync.WaitGroup
		for i := range openers {
			wg.Go(func() {
				db, err := store.Open(context.Background(), dsn)
				if err == nil {
					err = db.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for i, err := range errs {
			require.NoError(t, err, "round %d, opener %d", round, i)
		}

		db, err := store.Open(context.Background(), dsn)
		require.NoError(t, err)
		var applied int
		err = db.Bun().NewRaw("SELECT count(*) FROM bun_migrations").
			Scan(context.Background(), &applied)
		require.NoError(t, err)
		require.NoError(t, db.Close())
		assert.Equal(t, migrations, applied, "round %d", round)
	}
}
