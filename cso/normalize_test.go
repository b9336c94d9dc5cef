package cso_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

func TestNormalizeTidiesAnOrganizationAsTyped(t *testing.T) {
	o := &cso.Organization{
		Slug:        "  ornek-dernek ",
		Name:        cso.Text{"TR": " Örnek Derneği ", "en": "", "ar-sy": "مثال"},
		ShortName:   "  Örnek   Derneği\t",
		Kind:        " Association ",
		Description: cso.Text{" en ": "Help.\n\nMore help.  "},
		Website:     " sgdd.org.tr ",
		Email:       " Info@Example.ORG ",
		Phones: []string{
			"0212 555 12 12", "+90 (532) 555 12 12", "444 12 12",
			"0850 222 11 11", "+90 212 555 12 12", " ",
			"٠٣١٢ ٥٥٥ ١٢ ١٢",
		},
		SocialLinks: []string{"www.x.org/path", "https://x.org", "", "https://x.org"},
		RegistryID:  " 34-123-000456 ",
		Offices: []cso.Office{{
			Name:       cso.Text{"Tr": "Merkez"},
			Address:    "  Tarlabaşı  Bulvarı\u00a0No: 1\n",
			District:   " Beyoğlu  ",
			Province:   34,
			PostalCode: " ٣٤٤٣٥ ",
		}},
		Services: []cso.Service{{
			Name:         cso.Text{"tr": "Sağlık "},
			Description:  cso.Text{"tr": " "},
			Areas:        []string{"Health", " psychosocial_support", "health"},
			TargetGroups: []string{"women", "children", "women"},
			Languages:    []string{"TR", "ar-sy", "ar", "tr", ""},
			Provinces:    []int{34, 6, 34, 1},
		}},
	}

	o.Normalize()

	assert.Equal(t, &cso.Organization{
		Slug:        "ornek-dernek",
		Name:        cso.Text{"tr": "Örnek Derneği", "ar-SY": "مثال"},
		ShortName:   "Örnek Derneği",
		Kind:        cso.KindAssociation,
		Description: cso.Text{"en": "Help.\n\nMore help."},
		Website:     "https://sgdd.org.tr",
		Email:       "info@example.org",
		Phones: []string{
			"+902125551212", "+905325551212", "+904441212",
			"+908502221111", "+903125551212",
		},
		SocialLinks: []string{"https://www.x.org/path", "https://x.org"},
		RegistryID:  "34-123-456",
		Status:      cso.StatusActive,
		Offices: []cso.Office{{
			Name:       cso.Text{"tr": "Merkez"},
			Address:    "Tarlabaşı Bulvarı No: 1",
			District:   "Beyoğlu",
			Province:   34,
			PostalCode: "34435",
		}},
		Services: []cso.Service{{
			Name:         cso.Text{"tr": "Sağlık"},
			Areas:        []string{"health", "psychosocial_support"},
			TargetGroups: []string{"children", "women"},
			Languages:    []string{"ar", "ar-SY", "tr"},
			Provinces:    []int{1, 6, 34},
		}},
	}, o)
	assert.NoError(t, o.Validate())
}

func TestNormalizeKeepsALineBreakInsideAnAddress(t *testing.T) {
	o := validOrganization()
	o.ShortName = "Örnek\nDerneği"
	o.Offices[0].Address = "Tarlabaşı Bulvarı\n No: 1"
	o.Offices[0].District = "Bey\u2028oğlu"

	o.Normalize()

	assert.Equal(t, "Örnek\nDerneği", o.ShortName)
	assert.Equal(t, "Tarlabaşı Bulvarı\n No: 1", o.Offices[0].Address)
	assert.Equal(t, "Bey\u2028oğlu", o.Offices[0].District)
}

func TestNormalizeMergesTagsOfOneLanguageWithTheSameValue(t *testing.T) {
	o := &cso.Organization{Name: cso.Text{"TR": "Örnek ", "tr": "Örnek"}}
	o.Normalize()
	assert.Equal(t, cso.Text{"tr": "Örnek"}, o.Name)
}

func TestNormalizeKeepsTagsOfOneLanguageWithDifferentValues(t *testing.T) {
	o := &cso.Organization{Name: cso.Text{"TR": " büyük", "tr": "küçük", "en": ""}}
	o.Normalize()
	assert.Equal(t, cso.Text{"TR": "büyük", "tr": "küçük"}, o.Name)
}

func TestNormalizeKeepsAnExplicitStatus(t *testing.T) {
	o := &cso.Organization{Status: " Closed"}
	o.Normalize()
	assert.Equal(t, cso.StatusClosed, o.Status)
}

func TestNormalizeURL(t *testing.T) {
	cases := []struct {
		typed, want string
	}{
		{"sgdd.org.tr", "https://sgdd.org.tr"},
		{" www.x.org/path ", "https://www.x.org/path"},
		{"x.org?lang=tr", "https://x.org?lang=tr"},
		{"example.org:8080/a", "https://example.org:8080/a"},
		{"//example.org", "https://example.org"},
		{"http://example.org", "http://example.org"},
		{"HTTPS://Example.org", "HTTPS://Example.org"},
		{"mailto:info@example.org", "mailto:info@example.org"},
		{"ftp://example.org", "ftp://example.org"},
		{"localhost/path", "localhost/path"},
		{"info@example.org", "info@example.org"},
		{"our site", "our site"},
		{"", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, cso.NormalizeURL(c.typed), c.typed)
	}
}
