package cso_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

// shelterOrg has a public office in İstanbul (34), a confidential shelter
// in Ankara (6) and services in Gaziantep (27) and İstanbul.
func shelterOrg() *cso.Organization {
	return &cso.Organization{
		Name: cso.Text{
			"tr": "Kadın Dayanışma Derneği",
			"en": "Women's Solidarity Association",
			"ar": "جمعية التضامن النسائي",
		},
		ShortName: "KADER",
		Description: cso.Text{
			"tr": "Kadınlara hukuki destek",
		},
		Offices: []cso.Office{
			{
				Name:     cso.Text{"tr": "Beyoğlu Ofisi"},
				Address:  "İstiklal Caddesi 1",
				District: "Beyoğlu",
				Province: 34,
			},
			{
				Name:         cso.Text{"tr": "Sığınma Evi Çankaya"},
				Address:      "Gizli Sokak 7",
				District:     "Çankaya",
				Province:     6,
				Confidential: true,
			},
		},
		Services: []cso.Service{
			{
				Name:         cso.Text{"tr": "Hukuki Danışmanlık"},
				Description:  cso.Text{"en": "Free legal advice"},
				Areas:        []string{"legal", "psychosocial"},
				TargetGroups: []string{"women", "refugees"},
				Languages:    []string{"tr", "ar"},
				Provinces:    []int{34, 27},
				Eligibility:  cso.Text{"tr": "Şiddet mağdurları"},
			},
			{
				Name:         cso.Text{"tr": "Psikolojik Destek"},
				Areas:        []string{"psychosocial"},
				TargetGroups: []string{"women"},
				Languages:    []string{"ar", "fa"},
				Provinces:    []int{27},
			},
		},
	}
}

func TestFacets(t *testing.T) {
	got := shelterOrg().Facets()

	assert.Equal(t, cso.Facets{
		Provinces:    []int{27, 34},
		ServiceAreas: []string{"legal", "psychosocial"},
		TargetGroups: []string{"refugees", "women"},
		Languages:    []string{"ar", "fa", "tr"},
	}, got)
}

func TestFacetsOnlyConfidentialOffice(t *testing.T) {
	org := &cso.Organization{Offices: []cso.Office{
		{Address: "Gizli", Province: 6, Confidential: true},
	}}

	assert.Equal(t, cso.Facets{}, org.Facets())
}

func TestFacetsEmpty(t *testing.T) {
	var nilOrg *cso.Organization

	assert.Equal(t, cso.Facets{}, (&cso.Organization{}).Facets())
	assert.Equal(t, cso.Facets{}, nilOrg.Facets())
}

func TestFacetsLeavesServicesAlone(t *testing.T) {
	org := shelterOrg()

	_ = org.Facets()

	assert.Equal(t, []int{34, 27}, org.Services[0].Provinces)
	assert.Equal(t, []string{"tr", "ar"}, org.Services[0].Languages)
}

func TestSearchKeys(t *testing.T) {
	names, rest := shelterOrg().SearchKeys()

	// The Turkish name, the short name, then the other names in tag
	// order: ar, en. Yeh with hamza folds to yeh, teh marbuta to heh,
	// and the article al- goes.
	assert.Equal(t, "kadin dayanisma dernegi kader "+
		"جمعيه تضامن نسايي "+
		"women s solidarity association", names)

	// The description, each service's name, description and
	// eligibility, then public offices' names, districts and addresses;
	// no labels of the facets.
	assert.Equal(t, "kadinlara hukuki destek "+
		"danismanlik free legal advice siddet magdurlari "+
		"psikolojik "+
		"beyoglu ofisi istiklal caddesi 1", rest)
}

// TestSearchKeysLeaveOutLabels gives a service two areas, two target
// groups and a province: the keys hold the organization's own words,
// not the labels of its facets (Eğitim, Women, أنقرة and the others),
// which a search finds through LabelFacets.
func TestSearchKeysLeaveOutLabels(t *testing.T) {
	o := &cso.Organization{
		Name:        cso.Text{"tr": "Umut Derneği"},
		Description: cso.Text{"tr": "Çocuklar için sağlık"},
		Offices: []cso.Office{
			{District: "Çankaya", Province: 6},
			{District: "Seyhan", Province: 1, Confidential: true},
		},
		Services: []cso.Service{{
			Name:         cso.Text{"tr": "Okul"},
			Areas:        []string{"health", "education"},
			TargetGroups: []string{"women", "children"},
			Provinces:    []int{27},
		}},
	}

	names, rest := o.SearchKeys()

	assert.Equal(t, "umut dernegi", names)
	assert.Equal(t, "cocuklar icin saglik okul cankaya", rest)
}

func TestSearchKeysLeaveOutConfidentialOffices(t *testing.T) {
	names, rest := shelterOrg().SearchKeys()
	all := strings.Fields(names + " " + rest)

	// Ankara (أنقرة) is the province of the confidential office only.
	for _, w := range []string{"siginma", "evi",
		"cankaya", "gizli", "sokak", "ankara", "انقره"} {
		assert.NotContains(t, all, w)
	}
}

func TestSearchKeysEmpty(t *testing.T) {
	var nilOrg *cso.Organization

	names, rest := (&cso.Organization{}).SearchKeys()
	assert.Empty(t, names)
	assert.Empty(t, rest)

	names, rest = nilOrg.SearchKeys()
	assert.Empty(t, names)
	assert.Empty(t, rest)
}

func TestBaseLanguage(t *testing.T) {
	tests := []struct {
		tag, want string
	}{
		{"ar", "ar"},
		{"ar-SY", "ar"},
		{"zh-Hant-TW", "zh"},
		{"sr-Latn", "sr"},
		{"ckb", "ckb"},
		{"tr-TR", "tr"},
		{"not a tag", "not a tag"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cso.BaseLanguage(tt.tag), "tag %q", tt.tag)
	}
}
