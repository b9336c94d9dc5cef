package cso_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/stretchr/testify/require"
)

// BenchmarkImport imports generated organizations from CSV into a fresh
// SQLite store. Its baseline, in the same run, is parsing and validating
// the same file without storing it (ReadCSV).
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := generatedCSV(b, n)

		b.Run(fmt.Sprintf("%d/parse", n), func(b *testing.B) {
			for b.Loop() {
				_, err := cso.ReadCSV(bytes.NewReader(data))
				require.NoError(b, err)
			}
		})

		b.Run(fmt.Sprintf("%d/import-sqlite", n), func(b *testing.B) {
			ctx := context.Background()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), fmt.Sprintf("import-%d.db", i))
				db, err := store.Open(ctx, "sqlite:"+path)
				require.NoError(b, err)
				dir := cso.NewDirectory(db.Organizations())
				b.StartTimer()

				report, err := dir.Import(ctx, cso.Admin(), bytes.NewReader(data))
				require.NoError(b, err)
				require.Equal(b, n, report.Created)

				b.StopTimer()
				require.NoError(b, db.Close())
				b.StartTimer()
			}
		})
	}
}

// BenchmarkReimport imports the file of BenchmarkImport into a SQLite
// store that already holds it, so that every row matches an organization
// and changes nothing. Its baseline is BenchmarkImport's parse.
func BenchmarkReimport(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := generatedCSV(b, n)

		b.Run(fmt.Sprintf("%d/reimport-sqlite", n), func(b *testing.B) {
			ctx := context.Background()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), fmt.Sprintf("reimport-%d.db", i))
				db, err := store.Open(ctx, "sqlite:"+path)
				require.NoError(b, err)
				dir := cso.NewDirectory(db.Organizations())
				_, err = dir.Import(ctx, cso.Admin(), bytes.NewReader(data))
				require.NoError(b, err)
				b.StartTimer()

				report, err := dir.Import(ctx, cso.Admin(), bytes.NewReader(data))
				require.NoError(b, err)
				require.Equal(b, n, report.Unchanged)

				b.StopTimer()
				require.NoError(b, db.Close())
				b.StartTimer()
			}
		})
	}
}

// generatedCSV returns n distinct, valid organizations in the CSV format,
// the same for every run.
func generatedCSV(b *testing.B, n int) []byte {
	b.Helper()

	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{
		"Çocuk", "Kadın", "Göçmen", "Mülteci", "Sığınmacı", "Dayanışma",
		"Hukuk", "Sağlık", "Eğitim", "Umut", "Yaşam", "Destek", "Barış",
	}
	areas := cso.ServiceAreas()
	groups := cso.TargetGroups()
	langs := []string{"tr", "en", "ar", "fa", "ku"}

	var buf strings.Builder
	buf.WriteString("name_tr,name_en,kind,description_tr,provinces,service_areas,target_groups,languages\n")
	for i := range n {
		w1, w2 := words[rng.IntN(len(words))], words[rng.IntN(len(words))]
		fmt.Fprintf(&buf, "%s %s Derneği %d,%s Association %d,association,"+
			"%s alanında çalışır,%d;%d,%s;%s,%s,%s\n",
			w1, w2, i, w1, i, w2,
			1+rng.IntN(81), 1+rng.IntN(81),
			areas[rng.IntN(len(areas))].Code, areas[rng.IntN(len(areas))].Code,
			groups[rng.IntN(len(groups))].Code,
			langs[rng.IntN(len(langs))])
	}
	return []byte(buf.String())
}
