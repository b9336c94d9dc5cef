package demodata_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/examples/demodata"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
)

// TestSearchDemoDataByLabels imports the demo data as the server does and
// searches it as a visitor would, by words of the reference tables'
// labels. The expected organizations are read from organizations.csv.
func TestSearchDemoDataByLabels(t *testing.T) {
	tests := []struct {
		name  string
		q     cso.Query
		want  []string
		total int
	}{
		// The rows that list İstanbul and hold children among their
		// target groups, child protection among their service areas
		// (Çocuk koruma) or a word starting with "çocuk" in a text, in
		// Turkish order of their names: Hayata Destek (STL), Kadın
		// Emeğini Değerlendirme Vakfı, Mavi Kalem, Maya Vakfı,
		// Sığınmacılar ve Göçmenlerle Dayanışma Derneği (SGDD-ASAM) and
		// Small Projects Istanbul, which only list children, Tarlabaşı
		// Toplum Merkezi, Türk Kızılay, Uluslararası Mavi Hilal (IBC).
		{"children in İstanbul", cso.Query{Text: "cocuk", Province: 34},
			[]string{"stl", "kedv", "mavi-kalem", "maya-vakfi", "sgdd-asam",
				"spi", "ttm", "kizilay", "ibc"}, 9},
		// The 26 rows that list İstanbul, no other naming it; Small
		// Projects Istanbul, whose name holds it, first.
		{"İstanbul", cso.Query{Text: "istanbul", Limit: 1}, []string{"spi"}, 26},
	}

	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, storetest.DSN(t, dialect))
			require.NoError(t, err)
			t.Cleanup(func() { assert.NoError(t, db.Close()) })

			dir := cso.NewDirectory(db.Organizations())
			report, err := dir.Import(ctx, cso.Admin(), demodata.CSV())
			require.NoError(t, err)
			require.Equal(t, 57, report.Created)

			for _, tt := range tests {
				res, err := dir.Search(ctx, tt.q)
				require.NoError(t, err, tt.name)

				var got []string
				for _, o := range res.Items {
					got = append(got, o.Slug)
				}
				assert.Equal(t, tt.want, got, tt.name)
				assert.Equal(t, tt.total, res.Total, tt.name)
			}
		})
	}
}
