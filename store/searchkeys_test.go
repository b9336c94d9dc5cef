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

// createKeysOrgs creates, in one bulk create, one batch of key rebuilds
// and five more of keysOrg, so that a rebuild takes two batches.
func createKeysOrgs(t *testing.T, db *DB) {
	t.Helper()
	orgs := make([]*cso.Organization, rebuildBatch+5)
	for i := range orgs {
		orgs[i] = keysOrg(i)
	}
	require.NoError(t, db.Organizations().(cso.BulkCreator).
		CreateOrganizations(context.Background(), orgs))
}

// keysOrg is the i-th organization of TestSearchKeysRebuild: a public
// office in Çankaya, a confidential one in Seyhan and a service in
// Syrian Arabic.
func keysOrg(i int) *cso.Organization {
	return &cso.Organization{
		Slug:   fmt.Sprintf("kurum-%03d", i),
		Name:   cso.Text{"tr": fmt.Sprintf("Kurum %03d", i)},
		Kind:   cso.KindAssociation,
		Status: cso.StatusActive,
		Offices: []cso.Office{
			{Address: "Kızılay Mah. 1", District: "Çankaya", Province: 6},
			{Address: "Gizli Sok. 2", District: "Seyhan", Province: 1, Confidential: true},
		},
		Services: []cso.Service{{
			Name:      cso.Text{"tr": "Danışma"},
			Areas:     []string{"health"},
			Languages: []string{"ar-SY"},
			Provinces: []int{6},
		}},
	}
}

// TestSearchKeysRebuild gives organizations the keys that version 1 made,
// without the districts and addresses of offices or base languages, and
// migrates again: the keys are made anew, a batch at a time, and searches
// by district and by base language find every organization. Keys of the
// current version are left as they are.
func TestSearchKeysRebuild(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()

			n := rebuildBatch + 5
			createKeysOrgs(t, db)
			setKeysOfVersion1(t, db)

			for _, q := range []cso.Query{{Text: "cankaya"}, {Language: "ar"}} {
				res, err := s.Search(ctx, q)
				require.NoError(t, err)
				assert.Equal(t, 0, res.Total, "before the rebuild, %+v", q)
			}

			require.NoError(t, db.migrate(ctx))
			version, err := db.storedKeysVersion(ctx)
			require.NoError(t, err)
			assert.Equal(t, searchKeysVersion, version)

			for _, q := range []cso.Query{
				{Text: "cankaya"}, {Text: "kizilay"},
				{Language: "ar"}, {Language: "ar-SY", Province: 6},
			} {
				res, err := s.Search(ctx, q)
				require.NoError(t, err)
				assert.Equal(t, n, res.Total, "after the rebuild, %+v", q)
			}
			for _, q := range []cso.Query{{Text: "seyhan"}, {Province: 1}} {
				res, err := s.Search(ctx, q)
				require.NoError(t, err)
				assert.Equal(t, 0, res.Total, "a confidential office, %+v", q)
			}

			// Now that the version is current, migrating leaves keys alone.
			setKeysOfVersion1(t, db)
			_, err = db.bun.ExecContext(ctx,
				"INSERT INTO settings (key, value) VALUES (?, ?)",
				searchKeysSetting, fmt.Sprint(searchKeysVersion))
			require.NoError(t, err)
			require.NoError(t, db.migrate(ctx))
			res, err := s.Search(ctx, cso.Query{Text: "cankaya"})
			require.NoError(t, err)
			assert.Equal(t, 0, res.Total)
		})
	}
}

// setKeysOfVersion1 writes the keys that version 1 made of keysOrg and
// forgets the version.
func setKeysOfVersion1(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	_, err := db.bun.ExecContext(ctx, "UPDATE organizations SET "+
		"rest_key = 'danisma', "+
		"facet_key = '#province=6 #service_area=health "+
		"#language=ar-SY #status=active'")
	require.NoError(t, err)
	_, err = db.bun.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", searchKeysSetting)
	require.NoError(t, err)

	// A database of version 1 had the bits of its facet keys, which
	// PostgreSQL's triggers have set already.
	if db.dialect == DialectSQLite {
		require.NoError(t, db.refillFacetBitmaps(ctx))
	}
}

// TestSearchKeysRebuildDropsLabels gives organizations the rest key that
// version 4 made, which began with the labels of their service area
// (health: الصحة, Health, Sağlık) and province (Ankara: أنقرة), and
// migrates again: the rest key loses the labels, and a search still
// finds the organizations by them, through their facets, but not by
// Adana, where their only office is confidential.
func TestSearchKeysRebuildDropsLabels(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()

			const n = 3
			for i := range n {
				require.NoError(t, s.CreateOrganization(ctx, keysOrg(i)))
			}
			_, err := db.bun.ExecContext(ctx, "UPDATE organizations SET "+
				"rest_key = 'صحه health saglik انقره ankara "+
				"danisma cankaya kizilay mah 1'")
			require.NoError(t, err)
			require.NoError(t, db.saveVersion(ctx, searchKeysSetting, 4))

			require.NoError(t, db.migrate(ctx))
			var keys []string
			require.NoError(t, db.bun.NewSelect().Table("organizations").
				Column("rest_key").Scan(ctx, &keys))
			assert.Equal(t, []string{
				"danisma cankaya kizilay mah 1",
				"danisma cankaya kizilay mah 1",
				"danisma cankaya kizilay mah 1",
			}, keys)

			for _, text := range []string{"saglik", "health", "الصحة", "ankara", "danisma"} {
				expectFound(t, s, text, n)
			}
			expectFound(t, s, "adana", 0)
		})
	}
}
