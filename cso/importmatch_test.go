package cso_test

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// createOrganization creates o as the administrator.
func createOrganization(t *testing.T, dir *cso.Directory, o *cso.Organization) {
	t.Helper()
	_, err := dir.Create(context.Background(), cso.Admin(), o)
	require.NoError(t, err)
}

// yuva is an organization whose slug, yuva, is what a short name YUVA
// derives.
func yuva() *cso.Organization {
	return &cso.Organization{
		Slug:      "yuva",
		Name:      cso.Text{"tr": "Yuva Derneği"},
		ShortName: "YUVA",
		Kind:      cso.KindAssociation,
		Website:   "https://yuva.org.tr",
		Services: []cso.Service{{
			Name:  cso.Text{"tr": "Barınma"},
			Areas: []string{"sheltering"},
		}},
	}
}

func TestImportRowWithoutSlugDoesNotTakeOverAnotherOrganization(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		createOrganization(t, dir, yuva())

		rows := importRowErrors(t, dir, "name_tr,kind,short_name\n"+
			"Yuva Ankara Gençlik Kulübü,association,YUVA\n")
		require.Len(t, rows, 1)
		assert.Equal(t, 2, rows[0].Line)
		assert.Equal(t, "slug", rows[0].Column)
		assert.Equal(t, `"yuva", derived from short_name, is taken by another `+
			`organization, "Yuva Derneği": give a slug explicitly, a new one or `+
			`yuva if the row is meant to update that organization`, rows[0].Reason)

		got := getOrganization(t, dir, "yuva")
		assert.Equal(t, "Yuva Derneği", got.Name["tr"])
		assert.Equal(t, "https://yuva.org.tr", got.Website)
		assert.Len(t, got.Services, 1)
		assert.Equal(t, 1, got.Version)
	})
}

// A row without a slug updates the organization its name derives the
// slug of when the Turkish names agree as search keys do, ignoring case
// and accents.
func TestImportRowWithoutSlugUpdatesTheOrganizationOfTheSameName(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		createOrganization(t, dir, yuva())

		const file = "name_tr,kind,short_name,website\n" +
			"YUVA DERNEGI,association,YUVA,yuva.org\n"
		report, err := importFile(t, dir, file)
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Updated: 1}, *report)

		got := getOrganization(t, dir, "yuva")
		assert.Equal(t, "YUVA DERNEGI", got.Name["tr"])
		assert.Equal(t, "https://yuva.org", got.Website)

		report, err = importFile(t, dir, file)
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Unchanged: 1}, *report)
	})
}

func TestImportRefusesToChangeASlugByRegistryID(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		createOrganization(t, dir, &cso.Organization{
			Slug: "x-org", Name: cso.Text{"tr": "X Derneği"},
			Kind: cso.KindAssociation, RegistryID: "34-100-100",
		})

		rows := importRowErrors(t, dir, "slug,name_tr,kind,registry_id\n"+
			"yeni,Yeni Dernek,association,34-001-001\n"+
			"y-org,Y Derneği,association,34-100-100\n")
		require.Len(t, rows, 1)
		assert.Equal(t, 3, rows[0].Line)
		assert.Equal(t, "registry_id", rows[0].Column)
		assert.Contains(t, rows[0].Reason, `belongs to the organization "x-org"`)

		n, err := dir.Count(context.Background())
		require.NoError(t, err)
		assert.Equal(t, 1, n, "a file with a bad row imports nothing")
		assert.Equal(t, "X Derneği", getOrganization(t, dir, "x-org").Name["tr"])

		report, err := importFile(t, dir, "slug,name_tr,kind,registry_id\n"+
			"x-org,X Dayanışma Derneği,association,34-100-100\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Updated: 1}, *report)
	})
}

func TestImportRefusesTwoRowsForOneOrganization(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		_, err := importFile(t, dir, importHeader+
			"Umut Derneği,,association,İstanbul,health,34-001-001\n")
		require.NoError(t, err)

		// The first row matches by registry identifier and renames the
		// organization; the second matches the same one by its slug.
		rows := importRowErrors(t, dir, importHeader+
			"Yeni Umut Derneği,,association,İstanbul,health,34-001-001\n"+
			"Umut Derneği,,association,Ankara,health,\n")
		require.Len(t, rows, 1)
		assert.Equal(t, 3, rows[0].Line)
		assert.Equal(t, "slug", rows[0].Column)
		assert.Contains(t, rows[0].Reason,
			"matches the same organization as line 2 (umut-dernegi)")

		umut := getOrganization(t, dir, "umut-dernegi")
		assert.Equal(t, "Umut Derneği", umut.Name["tr"])
		assert.Equal(t, 1, umut.Version)
	})
}

// What matching finds is reported with what reading the file found, so
// that one attempt lists every bad row.
func TestImportReportsMatchingAndReadingErrorsTogether(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		createOrganization(t, dir, yuva())

		rows := importRowErrors(t, dir, "name_tr,kind,short_name,provinces,service_areas\n"+
			"Deniz Vakfı,foundation,,Atlantis,health\n"+
			"Yuva Ankara Gençlik Kulübü,association,YUVA,,\n")
		var at []rowErrorAt
		for _, r := range rows {
			at = append(at, rowErrorAt{r.Line, r.Column})
		}
		assert.Equal(t, []rowErrorAt{{2, "provinces"}, {3, "slug"}}, at)
	})
}
