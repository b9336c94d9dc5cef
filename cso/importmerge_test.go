package cso_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullOrganization fills every field, with details a file cannot hold:
// a name in Persian, named offices, a shelter, and services with
// descriptions and target groups, languages and provinces of their own.
func fullOrganization() *cso.Organization {
	return &cso.Organization{
		Slug: "tam-dernek",
		Name: cso.Text{
			"tr": "Tam Dernek", "en": "Full Association",
			"ar": "الجمعية الكاملة", "fa": "انجمن کامل",
		},
		ShortName:   "TD",
		Kind:        cso.KindAssociation,
		Status:      cso.StatusInactive,
		Description: cso.Text{"tr": "Her şeyi olan dernek", "en": "An association with everything"},
		Website:     "https://tam.org.tr",
		Email:       "info@tam.org.tr",
		Phones:      []string{"+902125551212"},
		SocialLinks: []string{"https://x.com/tamdernek"},
		RegistryID:  "34-123-456",
		Offices: []cso.Office{
			{Name: cso.Text{"tr": "Merkez"}, Address: "İstiklal Cad. 1",
				District: "Beyoğlu", Province: 34, PostalCode: "34430"},
			{Address: "Gizli Sokak 1", Province: 6, Confidential: true},
			{Address: "Atatürk Bulvarı 9", Province: 6},
		},
		Services: []cso.Service{
			{
				Name:         cso.Text{"tr": "Hukuki yardım"},
				Description:  cso.Text{"tr": "Avukatlarla görüşme"},
				Areas:        []string{"legal_counseling"},
				TargetGroups: []string{"women"},
				Languages:    []string{"ar"},
				Provinces:    []int{34},
				Eligibility:  cso.Text{"tr": "Herkes"},
			},
			{
				Name:         cso.Text{"tr": "Sağlık taraması"},
				Areas:        []string{"health"},
				TargetGroups: []string{"children"},
				Languages:    []string{"tr"},
				Provinces:    []int{6},
			},
		},
	}
}

// createFull creates fullOrganization, verifies it and returns it as
// stored.
func createFull(t *testing.T, dir *cso.Directory) *cso.Organization {
	t.Helper()
	ctx := context.Background()
	createOrganization(t, dir, fullOrganization())
	_, err := dir.Verify(ctx, cso.Admin(), "tam-dernek")
	require.NoError(t, err)
	return getOrganization(t, dir, "tam-dernek")
}

// assertUpdated checks that got is want saved once more.
func assertUpdated(t *testing.T, want, got *cso.Organization) {
	t.Helper()
	assert.Equal(t, want.Version+1, got.Version)
	assert.Equal(t, want.LastVerified, got.LastVerified,
		"an import never moves the verification date")

	saved := *got
	saved.Version, saved.UpdatedAt = want.Version, want.UpdatedAt
	assert.Equal(t, want, &saved)
}

func TestImportUpdateKeepsWhatTheFileLeavesOut(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		before := createFull(t, dir)

		report, err := importFile(t, dir, "name_tr,kind,slug\n"+
			"Tam Dayanışma Derneği,association,tam-dernek\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Updated: 1}, *report)

		want := *before
		want.Name = cso.Text{
			"tr": "Tam Dayanışma Derneği", "en": "Full Association",
			"ar": "الجمعية الكاملة", "fa": "انجمن کامل",
		}
		assertUpdated(t, &want, getOrganization(t, dir, "tam-dernek"))
	})
}

func TestImportUpdateClearsColumnsTheFileLeavesEmpty(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		before := createFull(t, dir)

		report, err := importFile(t, dir, "slug,name_tr,name_en,kind,phones,description_en\n"+
			"tam-dernek,Tam Dernek,,association,,\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Updated: 1}, *report)

		want := *before
		want.Name = cso.Text{"tr": "Tam Dernek", "ar": "الجمعية الكاملة", "fa": "انجمن کامل"}
		want.Description = cso.Text{"tr": "Her şeyi olan dernek"}
		want.Phones = nil
		assertUpdated(t, &want, getOrganization(t, dir, "tam-dernek"))
	})
}

// A file that says of the services and the office what is stored keeps
// them as they are, with what a file cannot hold, in whatever order it
// lists the values.
func TestImportKeepsServicesAndOfficesAFileRepeats(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		before := createFull(t, dir)

		report, err := importFile(t, dir, "slug,name_tr,kind,service_areas,"+
			"target_groups,languages,provinces,office_address,office_district,"+
			"office_province,office_postal_code,office_lat,office_lon\n"+
			"tam-dernek,Tam Dernek,association,health;legal_counseling,"+
			"women;children,tr;ar,İstanbul;6,İstiklal Cad. 1,Beyoğlu,İstanbul,34430,,\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Unchanged: 1}, *report)

		var exported bytes.Buffer
		require.NoError(t, cso.WriteCSV(&exported, []*cso.Organization{before}))
		report, err = importFile(t, dir, exported.String())
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Unchanged: 1}, *report)

		assert.Equal(t, before, getOrganization(t, dir, "tam-dernek"))
	})
}

func TestImportReplacesServicesAFileChanges(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		before := createFull(t, dir)

		report, err := importFile(t, dir, "slug,name_tr,kind,service_areas,"+
			"target_groups,languages,provinces\n"+
			"tam-dernek,Tam Dernek,association,health;legal_counseling,"+
			"women;children,tr;ar,34;6;35\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Updated: 1}, *report)

		service := func(name cso.Text, area string) cso.Service {
			return cso.Service{
				Name:         name,
				Areas:        []string{area},
				TargetGroups: []string{"children", "women"},
				Languages:    []string{"ar", "tr"},
				Provinces:    []int{6, 34, 35},
			}
		}
		want := *before
		want.Services = []cso.Service{
			service(cso.Text{"tr": "Sağlık", "en": "Health", "ar": "الصحة"}, "health"),
			service(cso.Text{
				"tr": "Hukuki danışmanlık", "en": "Legal counseling",
				"ar": "الاستشارات القانونية",
			}, "legal_counseling"),
		}
		assertUpdated(t, &want, getOrganization(t, dir, "tam-dernek"))
	})
}

func TestImportReplacesTheOfficeAFileChanges(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		before := createFull(t, dir)

		report, err := importFile(t, dir, "slug,name_tr,kind,office_address,"+
			"office_district,office_province\n"+
			"tam-dernek,Tam Dernek,association,İstiklal Cad. 3,Beyoğlu,34\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Updated: 1}, *report)

		want := *before
		want.Offices = []cso.Office{
			{Address: "İstiklal Cad. 3", District: "Beyoğlu", Province: 34},
			{Address: "Gizli Sokak 1", Province: 6, Confidential: true},
		}
		assertUpdated(t, &want, getOrganization(t, dir, "tam-dernek"))
	})
}
