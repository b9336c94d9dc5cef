package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServiceKeysRebuild empties the index of services, as in a database
// stored before there was one, and gives the keys the version before it:
// migrating writes the keys of every service anew, a batch at a time,
// and searches whose filters one service must meet find every
// organization again.
func TestServiceKeysRebuild(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()

			n := rebuildBatch + 5
			createKeysOrgs(t, db)

			_, err := db.bun.ExecContext(ctx, "DELETE FROM "+serviceTable[dialect])
			require.NoError(t, err)
			_, err = db.bun.ExecContext(ctx, "UPDATE settings SET value = ? WHERE key = ?",
				fmt.Sprint(searchKeysVersion-1), searchKeysSetting)
			require.NoError(t, err)

			// keysOrg offers health in Syrian Arabic in Ankara (6); its
			// office in Adana (1) is confidential.
			health6 := cso.Query{ServiceArea: "health", Province: 6}
			res, err := s.Search(ctx, health6)
			require.NoError(t, err)
			assert.Equal(t, 0, res.Total, "before the rebuild")

			require.NoError(t, db.migrate(ctx))
			tests := []struct {
				q    cso.Query
				want int
			}{
				{health6, n},
				{cso.Query{ServiceArea: "health", Language: "ar"}, n},
				{cso.Query{Language: "ar-SY", Province: 6}, n},
				{cso.Query{ServiceArea: "health", Province: 1}, 0},
				{cso.Query{ServiceArea: "health", Language: "ar-EG"}, 0},
			}
			for _, tt := range tests {
				res, err := s.Search(ctx, tt.q)
				require.NoError(t, err)
				assert.Equal(t, tt.want, res.Total, "after the rebuild, %+v", tt.q)
			}
		})
	}
}
