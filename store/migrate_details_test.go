package store

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun/migrate"
)

// TestOrganizationDetailsMigrationKeepsData undoes the migration that
// moved offices and services into organization_details, checks the rows
// it puts back into the tables of before, and applies it again: the
// organization reads back as it was created.
func TestOrganizationDetailsMigrationKeepsData(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()

			o := &cso.Organization{
				Slug:   "goc-dayanisma",
				Name:   cso.Text{"tr": "Göç Dayanışma Derneği"},
				Kind:   cso.KindAssociation,
				Status: cso.StatusActive,
				Offices: []cso.Office{
					{Address: "Birinci Sok. 1", Province: 34, PostalCode: "34433",
						Location: &cso.Coordinates{Lat: 41.03, Lon: 28.97}},
					{Address: "Gizli Sok. 2", Province: 27, Confidential: true},
					{Name: cso.Text{"tr": "Şube", "ar": "فرع"},
						Address: "Üçüncü Sok. 3", District: "Çankaya", Province: 6},
				},
				Services: []cso.Service{
					{Name: cso.Text{"tr": "Hukuki danışmanlık"},
						Areas:        []string{"legal_counseling"},
						TargetGroups: []string{"women"},
						Languages:    []string{"ar", "tr"},
						Provinces:    []int{34, 6},
						Eligibility:  cso.Text{"tr": "Başvuru sahibi olmak"}},
					{Name: cso.Text{"tr": "Sağlık yönlendirme"},
						Areas: []string{"health"}},
				},
			}
			wantOffices := append([]cso.Office(nil), o.Offices...)
			wantServices := append([]cso.Service(nil), o.Services...)
			require.NoError(t, s.CreateOrganization(ctx, o))

			migrations, err := db.migrations()
			require.NoError(t, err)
			m := migrate.NewMigrator(db.bun, migrations)
			var details migrate.Migration
			for _, mig := range migrations.Sorted() {
				if mig.Name == "20261205000001" {
					details = mig
				}
			}
			require.NotNil(t, details.Down, "the migration is missing")

			require.NoError(t, details.Down(ctx, m, &details))
			count := func(query string) int {
				var n int
				require.NoError(t, db.bun.NewRaw(query, o.ID).Scan(ctx, &n), query)
				return n
			}
			assert.Equal(t, 3, count("SELECT count(*) FROM offices WHERE organization_id = ?"))
			assert.Equal(t, 1, count("SELECT position FROM offices WHERE organization_id = ? AND confidential"))
			assert.Equal(t, 2, count("SELECT count(*) FROM services WHERE organization_id = ?"))
			// Provinces 34 and 6 (not 27, the confidential office's),
			// two areas, one target group, two languages.
			assert.Equal(t, 7, count("SELECT count(*) FROM organization_facets WHERE organization_id = ?"))
			assert.False(t, tableExists(t, db, "organization_details"))

			require.NoError(t, details.Up(ctx, m, &details))
			got, err := s.Organization(ctx, o.Slug)
			require.NoError(t, err)
			assert.Equal(t, wantOffices, got.Offices)
			assert.Equal(t, wantServices, got.Services)
		})
	}
}
