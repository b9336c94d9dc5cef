package cso_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plainStore hides the optional abilities of a Store, inside Atomically
// too, so that Import takes its one-row-at-a-time path.
type plainStore struct{ cso.Store }

func (s plainStore) Atomically(ctx context.Context, fn func(ctx context.Context, tx cso.Store) error) error {
	return s.Store.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
		return fn(ctx, plainStore{tx})
	})
}

// importStores returns the kinds of Store that Import must treat alike.
func importStores() map[string]func(cso.Store) cso.Store {
	return map[string]func(cso.Store) cso.Store{
		"bulk":  func(s cso.Store) cso.Store { return s },
		"plain": func(s cso.Store) cso.Store { return plainStore{s} },
	}
}

// newImportDirectory returns a Directory over a fresh SQLite store as
// wrap makes it look.
func newImportDirectory(t *testing.T, wrap func(cso.Store) cso.Store) *cso.Directory {
	t.Helper()
	db, err := store.Open(context.Background(),
		"sqlite:"+filepath.Join(t.TempDir(), "import.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return cso.NewDirectory(wrap(db.Organizations()))
}

func TestImportMatchesAfterEarlierRowsMovedARegistryID(t *testing.T) {
	ctx := context.Background()
	for name, wrap := range importStores() {
		t.Run(name, func(t *testing.T) {
			dir := newImportDirectory(t, wrap)
			_, err := dir.Import(ctx, cso.Admin(), strings.NewReader(importHeader+
				"Umut Derneği,,association,İstanbul,health,34-001-001\n"))
			require.NoError(t, err)

			// The first row keeps its slug and takes a new registry
			// identifier, so the second row's identifier is free by the
			// time it is read: it creates a new organization.
			report, err := dir.Import(ctx, cso.Admin(), strings.NewReader(importHeader+
				"Umut Derneği,,association,İstanbul,health,34-001-002\n"+
				"Barış Derneği,,association,Ankara,health,34-001-001\n"))
			require.NoError(t, err)
			assert.Equal(t, cso.ImportReport{Created: 1, Updated: 1}, *report)

			umut, err := dir.Get(ctx, cso.Admin(), "umut-dernegi")
			require.NoError(t, err)
			assert.Equal(t, "34-001-002", umut.RegistryID)
			baris, err := dir.Get(ctx, cso.Admin(), "baris-dernegi")
			require.NoError(t, err)
			assert.Equal(t, "34-001-001", baris.RegistryID)
		})
	}
}

func TestImportManyRows(t *testing.T) {
	ctx := context.Background()
	const rows = 1234 // more than two batches of new organizations

	var file strings.Builder
	file.WriteString(importHeader)
	for i := range rows {
		fmt.Fprintf(&file, "Dernek %d,,association,%d,health,\n", i, 1+i%81)
	}

	for name, wrap := range importStores() {
		t.Run(name, func(t *testing.T) {
			dir := newImportDirectory(t, wrap)
			report, err := dir.Import(ctx, cso.Admin(), strings.NewReader(file.String()))
			require.NoError(t, err)
			assert.Equal(t, cso.ImportReport{Created: rows}, *report)

			n, err := dir.Count(ctx)
			require.NoError(t, err)
			assert.Equal(t, rows, n)
			last, err := dir.Get(ctx, cso.Actor{}, "dernek-1233")
			require.NoError(t, err)
			assert.Equal(t, []int{19}, last.Services[0].Provinces) // 1 + 1233 mod 81

			report, err = dir.Import(ctx, cso.Admin(), strings.NewReader(file.String()))
			require.NoError(t, err)
			assert.Equal(t, cso.ImportReport{Unchanged: rows}, *report)
		})
	}
}

func TestImportRefusesARowWithoutASlug(t *testing.T) {
	ctx := context.Background()
	for name, wrap := range importStores() {
		t.Run(name, func(t *testing.T) {
			dir := newImportDirectory(t, wrap)
			_, err := dir.Import(ctx, cso.Admin(), strings.NewReader(importHeader+
				"Umut Derneği,,association,İstanbul,health,\n"+
				"جمعية الأمل,,association,Hatay,health,\n"))

			var verr *cso.ValidationError
			require.ErrorAs(t, err, &verr)
			assert.Contains(t, verr.Fields, "slug")

			n, err := dir.Count(ctx)
			require.NoError(t, err)
			assert.Zero(t, n)
		})
	}
}

func TestImportUpdatesAnOrganizationTwice(t *testing.T) {
	ctx := context.Background()
	for name, wrap := range importStores() {
		t.Run(name, func(t *testing.T) {
			dir := newImportDirectory(t, wrap)
			_, err := dir.Import(ctx, cso.Admin(), strings.NewReader(importHeader+
				"Umut Derneği,,association,İstanbul,health,34-001-001\n"))
			require.NoError(t, err)

			// The first row matches by registry identifier and renames
			// the organization; the second matches the same one by its
			// slug, which a rename keeps, and clears the identifier.
			report, err := dir.Import(ctx, cso.Admin(), strings.NewReader(importHeader+
				"Yeni Umut Derneği,,association,İstanbul,health,34-001-001\n"+
				"Umut Derneği,,association,Ankara,health,\n"))
			require.NoError(t, err)
			assert.Equal(t, cso.ImportReport{Updated: 2}, *report)

			umut, err := dir.Get(ctx, cso.Admin(), "umut-dernegi")
			require.NoError(t, err)
			assert.Equal(t, "Umut Derneği", umut.Name["tr"])
			assert.Empty(t, umut.RegistryID)
			assert.Equal(t, []int{6}, umut.Services[0].Provinces)
			assert.Equal(t, 3, umut.Version)
		})
	}
}

func TestImportOfABadFileChangesNothingWhereverTheBadRowIs(t *testing.T) {
	ctx := context.Background()
	const rows = 1500 // three chunks of rows checked at a time

	// file names rows organizations in province 1 + i mod 81, or in the
	// given province, and one row in a province that does not exist.
	file := func(province string, bad int) string {
		var b strings.Builder
		b.WriteString(importHeader)
		for i := range rows {
			p := province
			switch {
			case i == bad:
				p = "Atlantis"
			case p == "":
				p = fmt.Sprint(1 + i%81)
			}
			fmt.Fprintf(&b, "Dernek %d,,association,%s,health,\n", i, p)
		}
		return b.String()
	}

	for _, bad := range []int{0, 1000, rows - 1} {
		for name, wrap := range importStores() {
			t.Run(fmt.Sprintf("%s/row %d", name, bad), func(t *testing.T) {
				dir := newImportDirectory(t, wrap)
				_, err := dir.Import(ctx, cso.Admin(), strings.NewReader(file("", -1)))
				require.NoError(t, err)

				// Every good row moves its organization to İzmir, and
				// would be saved before the bad row is read.
				_, err = dir.Import(ctx, cso.Admin(), strings.NewReader(file("35", bad)))
				var ierr *cso.ImportError
				require.ErrorAs(t, err, &ierr)
				require.Len(t, ierr.Rows, 1)
				assert.Equal(t, bad+2, ierr.Rows[0].Line) // after the header, from 1
				assert.Equal(t, "provinces", ierr.Rows[0].Column)

				for _, i := range []int{0, 999, rows - 1} {
					o, err := dir.Get(ctx, cso.Actor{}, fmt.Sprintf("dernek-%d", i))
					require.NoError(t, err)
					assert.Equal(t, []int{1 + i%81}, o.Services[0].Provinces, "row %d", i)
				}
			})
		}
	}
}

// TestImportKeepsConfidentialOffices updates, from a file, an
// organization with a shelter between two public offices. The file
// cannot hold confidential offices: the shelter stays where it was, the
// row's office takes the first public place, and a file that repeats
// what is stored changes nothing.
func TestImportKeepsConfidentialOffices(t *testing.T) {
	ctx := context.Background()
	const header = "slug,name_tr,kind,office_address,office_province\n"
	for name, wrap := range importStores() {
		t.Run(name, func(t *testing.T) {
			dir := newImportDirectory(t, wrap)
			o := &cso.Organization{
				Slug: "siginak-dernegi",
				Name: cso.Text{"tr": "Sığınak Derneği"},
				Kind: cso.KindAssociation,
				Offices: []cso.Office{
					{Address: "Halaskargazi Cad. 5", Province: 34},
					{Address: "Gizli Sokak 1", Province: 6, Confidential: true},
					{Address: "Atatürk Bulvarı 9", Province: 6},
				},
			}
			_, err := dir.Create(ctx, cso.Admin(), o)
			require.NoError(t, err)

			report, err := dir.Import(ctx, cso.Admin(), strings.NewReader(header+
				"siginak-dernegi,Sığınak Derneği,association,Cumhuriyet Cad. 1,35\n"))
			require.NoError(t, err)
			assert.Equal(t, 1, report.Updated)

			got, err := dir.Get(ctx, cso.Admin(), "siginak-dernegi")
			require.NoError(t, err)
			var addresses []string
			for _, off := range got.Offices {
				addresses = append(addresses, fmt.Sprintf("%s/%d/%t",
					off.Address, off.Province, off.Confidential))
			}
			assert.Equal(t, []string{
				"Cumhuriyet Cad. 1/35/false",
				"Gizli Sokak 1/6/true",
			}, addresses)

			report, err = dir.Import(ctx, cso.Admin(), strings.NewReader(header+
				"siginak-dernegi,Sığınak Derneği,association,Cumhuriyet Cad. 1,35\n"))
			require.NoError(t, err)
			assert.Equal(t, 1, report.Unchanged)
		})
	}
}
