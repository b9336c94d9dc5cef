package cso_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

const csvHeader = "slug,name_tr,name_en,name_ar,short_name,kind,status," +
	"description_tr,description_en,description_ar,website,email,phones," +
	"social_links,registry_id,provinces,service_areas,target_groups," +
	"languages,office_address,office_district,office_province," +
	"office_postal_code,office_lat,office_lon\n"

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, cso.WriteCSV(&b, goodOrganizations()))

	assert.Equal(t, csvHeader+
		",Örnek Dayanışma Derneği,Example Solidarity Association,,ÖDD,"+
		"association,active,,,,https://ornek.org.tr,info@ornek.org.tr,"+
		"+903124181234,,,6;27;34,legal_counseling;psychosocial_support,"+
		"children;women,ar;tr,\"Kızılay Mah. Gazi Bulvarı 1, Kat 2\","+
		"Çankaya,6,06420,39.92,32.85\n"+
		",Deniz Vakfı,,,,foundation,active,,,,,,,,,,,,,,,,,,\n",
		b.String())
}

func TestWriteCSVRoundTrips(t *testing.T) {
	orgs := goodOrganizations()
	orgs = append(orgs, &cso.Organization{
		Slug: "kuzey-vakfi",
		Name: cso.Text{
			"tr": "Kuzey Vakfı",
			"en": "North Foundation",
			"ar": "مؤسسة الشمال",
		},
		Kind:   cso.KindFoundation,
		Status: cso.StatusInactive,
		Description: cso.Text{
			"tr": "Van'da \"hukuki\" yardım;\nçok satırlı.",
			"en": "Legal aid in Van.",
			"ar": "مساعدة قانونية في وان.",
		},
		SocialLinks: []string{"https://example.org/a", "https://example.org/b"},
		RegistryID:  "123456",
		Services: []cso.Service{{
			Name: cso.Text{
				"tr": "Savunuculuk", "en": "Advocacy", "ar": "المناصرة",
			},
			Areas:     []string{"advocacy"},
			Provinces: []int{65},
		}},
	})

	var b bytes.Buffer
	require.NoError(t, cso.WriteCSV(&b, orgs))
	back, err := cso.ReadCSV(&b)
	require.NoError(t, err)
	assert.Equal(t, orgs, back)
}

// The format cannot mark an office confidential, so an export never
// carries one, lest a later import publish it.
func TestWriteCSVLeavesConfidentialOfficesOut(t *testing.T) {
	o := &cso.Organization{
		Name:   cso.Text{"tr": "Sığınak Derneği"},
		Kind:   cso.KindAssociation,
		Status: cso.StatusActive,
		Offices: []cso.Office{
			{Address: "Gizli Sokak 1", Province: 34, Confidential: true},
			{Address: "Açık Cadde 2", Province: 6},
		},
	}

	var b bytes.Buffer
	require.NoError(t, cso.WriteCSV(&b, []*cso.Organization{o}))
	assert.NotContains(t, b.String(), "Gizli")
	assert.True(t, strings.HasSuffix(b.String(), ",Açık Cadde 2,,6,,,\n"))
}
