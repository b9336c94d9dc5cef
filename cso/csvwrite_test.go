package cso_test

import (
	"bytes"
	"net/url"
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

// A ';' inside a web address is written %3B, which names the same
// resource, so that the address comes back whole rather than split at
// the separator of the cell.
func TestWriteCSVRoundTripsLinksWithSemicolons(t *testing.T) {
	links := []string{
		"https://x.com/a;b",
		"https://example.org/p;v=1?q=a;b#c;d",
		"https://example.org/plain",
	}
	o := &cso.Organization{
		Slug:        "noktali-virgul-dernegi",
		Name:        cso.Text{"tr": "Noktalı Virgül Derneği"},
		Kind:        cso.KindAssociation,
		Status:      cso.StatusActive,
		SocialLinks: links,
	}
	o.Normalize()
	require.NoError(t, o.Validate(), "the API accepts the links")

	var b bytes.Buffer
	require.NoError(t, cso.WriteCSV(&b, []*cso.Organization{o}))
	assert.Contains(t, b.String(),
		",https://x.com/a%3Bb;https://example.org/p%3Bv=1?q=a%3Bb#c%3Bd;"+
			"https://example.org/plain,")

	back, err := cso.ReadCSV(&b)
	require.NoError(t, err)
	require.Len(t, back, 1)
	assert.Equal(t, []string{
		"https://x.com/a%3Bb",
		"https://example.org/p%3Bv=1?q=a%3Bb#c%3Bd",
		"https://example.org/plain",
	}, back[0].SocialLinks)
	for i, link := range back[0].SocialLinks {
		assert.Equal(t, addressOf(t, links[i]), addressOf(t, link), link)
	}
}

// address is what a web address names, with its escapes decoded.
type address struct {
	scheme, host, path, query, fragment string
}

// addressOf parses a web address into what it names.
func addressOf(t *testing.T, link string) address {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	query, err := url.QueryUnescape(u.RawQuery)
	require.NoError(t, err)
	return address{u.Scheme, u.Host, u.Path, query, u.Fragment}
}
