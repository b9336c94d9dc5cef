package cso_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
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

// importStores are the kinds of Store that Import must treat alike.
var importStores = []struct {
	name string
	wrap func(cso.Store) cso.Store
}{
	{"bulk", func(s cso.Store) cso.Store { return s }},
	{"plain", func(s cso.Store) cso.Store { return plainStore{s} }},
}

// forEachImportStore runs test as a subtest for every database the
// tests run on and every kind of Store Import must treat alike, each
// with a Directory over an empty store.
func forEachImportStore(t *testing.T, test func(t *testing.T, dir *cso.Directory)) {
	t.Helper()
	for _, dialect := range storetest.Dialects(t) {
		for _, kind := range importStores {
			t.Run(dialect+"/"+kind.name, func(t *testing.T) {
				test(t, newImportDirectory(t, dialect, kind.wrap))
			})
		}
	}
}

// newImportDirectory returns a Directory over an empty store of the
// dialect, as wrap makes it look.
func newImportDirectory(t *testing.T, dialect string, wrap func(cso.Store) cso.Store) *cso.Directory {
	t.Helper()
	db, err := store.Open(context.Background(), storetest.DSN(t, dialect))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return cso.NewDirectory(wrap(db.Organizations()))
}

// importFile imports text as the administrator.
func importFile(t *testing.T, dir *cso.Directory, text string) (*cso.ImportReport, error) {
	t.Helper()
	return dir.Import(context.Background(), cso.Admin(), strings.NewReader(text))
}

// importRowErrors imports text, which must fail, and returns its row
// errors.
func importRowErrors(t *testing.T, dir *cso.Directory, text string) []cso.RowError {
	t.Helper()
	_, err := importFile(t, dir, text)
	var ierr *cso.ImportError
	require.ErrorAs(t, err, &ierr)
	return ierr.Rows
}

// getOrganization returns the organization with the slug as the
// administrator sees it.
func getOrganization(t *testing.T, dir *cso.Directory, slug string) *cso.Organization {
	t.Helper()
	o, err := dir.Get(context.Background(), cso.Admin(), slug)
	require.NoError(t, err)
	return o
}

func TestImportMatchesAfterEarlierRowsMovedARegistryID(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		_, err := importFile(t, dir, importHeader+
			"Umut Derneği,,association,İstanbul,health,34-001-001\n")
		require.NoError(t, err)

		// The first row keeps its slug and takes a new registry
		// identifier, so the second row's identifier is free by the
		// time it is read: it creates a new organization.
		report, err := importFile(t, dir, importHeader+
			"Umut Derneği,,association,İstanbul,health,34-001-002\n"+
			"Barış Derneği,,association,Ankara,health,34-001-001\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Created: 1, Updated: 1}, *report)

		assert.Equal(t, "34-001-002", getOrganization(t, dir, "umut-dernegi").RegistryID)
		assert.Equal(t, "34-001-001", getOrganization(t, dir, "baris-dernegi").RegistryID)
	})
}

func TestImportManyRows(t *testing.T) {
	ctx := context.Background()
	const rows = 1234 // more than two batches of new organizations

	var file strings.Builder
	file.WriteString(importHeader)
	for i := range rows {
		fmt.Fprintf(&file, "Dernek %d,,association,%d,health,\n", i, 1+i%81)
	}

	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		report, err := importFile(t, dir, file.String())
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Created: rows}, *report)

		n, err := dir.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, rows, n)
		last := getOrganization(t, dir, "dernek-1233")
		assert.Equal(t, []int{19}, last.Services[0].Provinces) // 1 + 1233 mod 81

		report, err = importFile(t, dir, file.String())
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Unchanged: rows}, *report)
	})
}

func TestImportRefusesARowWithoutASlug(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		rows := importRowErrors(t, dir, importHeader+
			"Umut Derneği,,association,İstanbul,health,\n"+
			"جمعية الأمل,,association,Hatay,health,\n")
		require.Len(t, rows, 1)
		assert.Equal(t, 3, rows[0].Line)
		assert.Equal(t, "slug", rows[0].Column)
		assert.Contains(t, rows[0].Reason, "cannot be derived from the name")

		n, err := dir.Count(context.Background())
		require.NoError(t, err)
		assert.Zero(t, n)
	})
}

func TestImportOfABadFileChangesNothingWhereverTheBadRowIs(t *testing.T) {
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
		t.Run(fmt.Sprintf("row %d", bad), func(t *testing.T) {
			forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
				_, err := importFile(t, dir, file("", -1))
				require.NoError(t, err)

				// Every good row moves its organization to İzmir.
				errs := importRowErrors(t, dir, file("35", bad))
				require.Len(t, errs, 1)
				assert.Equal(t, bad+2, errs[0].Line) // after the header, from 1
				assert.Equal(t, "provinces", errs[0].Column)

				for _, i := range []int{0, 999, rows - 1} {
					o := getOrganization(t, dir, fmt.Sprintf("dernek-%d", i))
					assert.Equal(t, []int{1 + i%81}, o.Services[0].Provinces, "row %d", i)
				}
			})
		})
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
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
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

		report, err := importFile(t, dir, header+
			"siginak-dernegi,Sığınak Derneği,association,Cumhuriyet Cad. 1,35\n")
		require.NoError(t, err)
		assert.Equal(t, 1, report.Updated)

		got := getOrganization(t, dir, "siginak-dernegi")
		var addresses []string
		for _, off := range got.Offices {
			addresses = append(addresses, fmt.Sprintf("%s/%d/%t",
				off.Address, off.Province, off.Confidential))
		}
		assert.Equal(t, []string{
			"Cumhuriyet Cad. 1/35/false",
			"Gizli Sokak 1/6/true",
		}, addresses)

		report, err = importFile(t, dir, header+
			"siginak-dernegi,Sığınak Derneği,association,Cumhuriyet Cad. 1,35\n")
		require.NoError(t, err)
		assert.Equal(t, 1, report.Unchanged)
	})
}
