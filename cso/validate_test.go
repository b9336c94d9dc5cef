package cso_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

// validOrganization returns an organization in its stored form that
// breaks no rule.
func validOrganization() *cso.Organization {
	return &cso.Organization{
		Slug: "ornek-dayanisma-dernegi",
		Name: cso.Text{
			"tr": "Örnek Dayanışma Derneği",
			"en": "Example Solidarity Association",
			"ar": "جمعية التضامن النموذجية",
		},
		ShortName:   "ÖDD",
		Kind:        cso.KindAssociation,
		Description: cso.Text{"tr": "Mültecilere hukuki destek.", "ar-SY": "دعم قانوني"},
		Website:     "https://example.org.tr",
		Email:       "info@example.org.tr",
		Phones:      []string{"+902125551212", "+905325551212"},
		SocialLinks: []string{"https://www.instagram.com/example"},
		RegistryID:  "34-123-456",
		Status:      cso.StatusActive,
		Offices: []cso.Office{
			{
				Name:       cso.Text{"tr": "Merkez"},
				Address:    "Tarlabaşı Bulvarı No: 1",
				District:   "Beyoğlu",
				Province:   34,
				PostalCode: "34435",
				Location:   &cso.Coordinates{Lat: 41.04, Lon: 28.98},
			},
			{Address: "Kızılay Meydanı 2", Province: 6, PostalCode: "06100"},
		},
		Services: []cso.Service{{
			Name:         cso.Text{"tr": "Hukuki danışmanlık", "en": "Legal counseling"},
			Areas:        []string{"legal_counseling"},
			TargetGroups: []string{"international_protection", "temporary_protection"},
			Languages:    []string{"ar", "fa", "tr"},
			Provinces:    []int{6, 34},
		}},
	}
}

// requireFields normalizes and validates o and returns the fields of the
// validation error it must give.
func requireFields(t *testing.T, o *cso.Organization) map[string]string {
	t.Helper()

	o.Normalize()
	var verr *cso.ValidationError
	require.ErrorAs(t, o.Validate(), &verr)
	return verr.Fields
}

func TestValidateAcceptsACompleteOrganization(t *testing.T) {
	assert.NoError(t, validOrganization().Validate())
}

func TestValidateReportsEachBadFieldByPath(t *testing.T) {
	const (
		notHTTP  = "must be an http or https address"
		notPhone = "must be a phone number such as +90 212 555 12 12"
		noTR     = "must have a Turkish (tr) value"
		registry = "must be an association register number such as " +
			"34-123-456, a foundation register number of up to six digits " +
			"or a 10-digit tax number"
		slug = "must be lower-case letters and digits in words joined " +
			"by single hyphens, at most 80 characters"
	)

	cases := []struct {
		name   string
		change func(o *cso.Organization)
		path   string
		want   string
	}{
		{"name without Turkish", func(o *cso.Organization) {
			o.Name = cso.Text{"en": "Example"}
		}, "name", noTR},
		{"name with blank Turkish", func(o *cso.Organization) {
			o.Name["tr"] = "  "
		}, "name", noTR},
		{"name with unknown language", func(o *cso.Organization) {
			o.Name["english"] = "Example"
		}, "name", `has an unknown language tag "english" ` +
			`(use a BCP 47 tag such as tr, en or ar-SY)`},
		{"name with tag not in canonical form", func(o *cso.Organization) {
			o.Name["ar-sy"] = "مثال"
		}, "name", `must write the language tag "ar-sy" as "ar-SY"`},
		{"description without language", func(o *cso.Organization) {
			o.Description[""] = "text"
		}, "description", "has a value without a language tag"},
		{"description too long", func(o *cso.Organization) {
			o.Description["tr"] = strings.Repeat("ç", 5001)
		}, "description.tr", "must be at most 5000 characters"},
		{"description not UTF-8", func(o *cso.Organization) {
			o.Description["en"] = "caf\xe9"
		}, "description.en", "must be valid UTF-8 text"},
		{"slug with capitals", func(o *cso.Organization) {
			o.Slug = "Ornek-Dernek"
		}, "slug", slug},
		{"slug with double hyphen", func(o *cso.Organization) {
			o.Slug = "ornek--dernek"
		}, "slug", slug},
		{"slug too long", func(o *cso.Organization) {
			o.Slug = strings.Repeat("a", 81)
		}, "slug", slug},
		{"short name too long", func(o *cso.Organization) {
			o.ShortName = strings.Repeat("Ş", 61)
		}, "short_name", "must be at most 60 characters"},
		{"kind missing", func(o *cso.Organization) {
			o.Kind = ""
		}, "kind", "is required"},
		{"kind unknown", func(o *cso.Organization) {
			o.Kind = "ngo"
		}, "kind", "must be one of: association, foundation, cooperative, " +
			"platform, international, other"},
		{"status unknown", func(o *cso.Organization) {
			o.Status = "open"
		}, "status", "must be one of: active, inactive, closed"},
		{"website with ftp", func(o *cso.Organization) {
			o.Website = "ftp://example.org"
		}, "website", notHTTP},
		{"website without dot in host", func(o *cso.Organization) {
			o.Website = "https://localhost/"
		}, "website", `has "localhost" as its host, which is not a public ` +
			`domain name: a public one has a dot, such as example.org`},
		{"website with space", func(o *cso.Organization) {
			o.Website = "https://example.org/our work"
		}, "website", "must not contain spaces: write a space in a path or query as %20"},
		{"website without scheme", func(o *cso.Organization) {
			o.Website = "example.org"
		}, "website", notHTTP},
		{"email", func(o *cso.Organization) {
			o.Email = "info at example.org"
		}, "email", "must be an e-mail address"},
		{"phone too short", func(o *cso.Organization) {
			o.Phones[1] = "12"
		}, "phones[1]", notPhone},
		{"phone not in E.164", func(o *cso.Organization) {
			o.Phones[0] = "0212 555 12 12"
		}, "phones[0]", notPhone},
		{"phone not in the numbering plan", func(o *cso.Organization) {
			o.Phones[0] = "+900001234567"
		}, "phones[0]", notPhone},
		{"too many phones", func(o *cso.Organization) {
			o.Phones = strings.Fields(strings.Repeat("+902125551212 ", 11))
		}, "phones", "must have at most 10 entries"},
		{"social link without scheme", func(o *cso.Organization) {
			o.SocialLinks = append(o.SocialLinks, "instagram.com/example")
		}, "social_links[1]", notHTTP},
		{"registry with unknown plate", func(o *cso.Organization) {
			o.RegistryID = "99-123-456"
		}, "registry_id", registry},
		{"registry of nine digits", func(o *cso.Organization) {
			o.RegistryID = "123456789"
		}, "registry_id", registry},
		{"office without address", func(o *cso.Organization) {
			o.Offices[1].Address = ""
		}, "offices[1].address", "is required"},
		{"office without province", func(o *cso.Organization) {
			o.Offices[1].Province = 0
			o.Offices[1].PostalCode = ""
		}, "offices[1].province", "is required"},
		{"office in unknown province", func(o *cso.Organization) {
			o.Offices[1].Province = 99
		}, "offices[1].province", "unknown province plate code 99 (use 1–81)"},
		{"office with short postal code", func(o *cso.Organization) {
			o.Offices[0].PostalCode = "3443"
		}, "offices[0].postal_code", "must be a five-digit postal code"},
		{"office with postal code of another province", func(o *cso.Organization) {
			o.Offices[1].PostalCode = "34000"
		}, "offices[1].postal_code", "must start with 06, the plate code of Ankara"},
		{"office with postal code of another province in İstanbul", func(o *cso.Organization) {
			o.Offices[0].PostalCode = "06100"
		}, "offices[0].postal_code", "must start with 34, the plate code of İstanbul"},
		{"office district too long", func(o *cso.Organization) {
			o.Offices[0].District = strings.Repeat("x", 81)
		}, "offices[0].district", "must be at most 80 characters"},
		{"office in Aleppo", func(o *cso.Organization) {
			o.Offices[0].Location = &cso.Coordinates{Lat: 36.20, Lon: 37.16}
		}, "offices[0].location", "must be inside Turkey"},
		{"office with a latitude but no longitude", func(o *cso.Organization) {
			o.Offices[0].Location = &cso.Coordinates{Lat: 41.04}
		}, "offices[0].location.lon", "is required"},
		{"office with a longitude but no latitude", func(o *cso.Organization) {
			o.Offices[0].Location = &cso.Coordinates{Lon: 28.98}
		}, "offices[0].location.lat", "is required"},
		{"office beyond the pole", func(o *cso.Organization) {
			o.Offices[0].Location = &cso.Coordinates{Lat: 91, Lon: 28.98}
		}, "offices[0].location.lat", "must be a latitude between -90 and 90"},
		{"office beyond the antimeridian", func(o *cso.Organization) {
			o.Offices[0].Location = &cso.Coordinates{Lat: 41.04, Lon: 181}
		}, "offices[0].location.lon", "must be a longitude between -180 and 180"},
		{"service without Turkish name", func(o *cso.Organization) {
			o.Services[0].Name = cso.Text{"en": "Legal counseling"}
		}, "services[0].name", noTR},
		{"service without area", func(o *cso.Organization) {
			o.Services[0].Areas = nil
		}, "services[0].service_areas", "must have at least 1 entry"},
		{"service in unknown area", func(o *cso.Organization) {
			o.Services[0].Areas = []string{"legal_counseling", "foo"}
		}, "services[0].service_areas[1]", `unknown service area "foo"`},
		{"service for unknown group", func(o *cso.Organization) {
			o.Services[0].TargetGroups[0] = "bar"
		}, "services[0].target_groups[0]", `unknown target group "bar"`},
		{"service in undetermined language", func(o *cso.Organization) {
			o.Services[0].Languages[2] = "und"
		}, "services[0].languages[2]", `unknown language tag "und" ` +
			`(use a BCP 47 tag such as tr, en or ar-SY)`},
		{"service in unknown province", func(o *cso.Organization) {
			o.Services[0].Provinces[1] = 82
		}, "services[0].provinces[1]", "unknown province plate code 82 (use 1–81)"},
	}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.change(o)

			err := o.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, cso.ErrInvalid))

			var verr *cso.ValidationError
			require.True(t, errors.As(err, &verr))
			assert.Equal(t, map[string]string{c.path: c.want}, verr.Fields)
		})
	}
}

func TestValidateReportsEveryBadFieldAtOnce(t *testing.T) {
	o := validOrganization()
	o.Email = "nobody"
	o.Phones = []string{"12"}
	o.Name = nil
	o.Offices[1].PostalCode = "34000"
	o.Offices[0].Location = &cso.Coordinates{Lat: 39.11, Lon: 26.55}
	o.Services = append(o.Services, cso.Service{
		Name:  cso.Text{"tr": "Sağlık"},
		Areas: []string{"health", "foo"},
	})

	err := o.Validate()
	var verr *cso.ValidationError
	require.True(t, errors.As(err, &verr))
	assert.Equal(t, map[string]string{
		"email":                        "must be an e-mail address",
		"name":                         "must have a Turkish (tr) value",
		"offices[0].location":          "must be inside Turkey",
		"offices[1].postal_code":       "must start with 06, the plate code of Ankara",
		"phones[0]":                    "must be a phone number such as +90 212 555 12 12",
		"services[1].service_areas[1]": `unknown service area "foo"`,
	}, verr.Fields)

	assert.Equal(t, "cso: invalid organization: "+
		"email: must be an e-mail address; "+
		"name: must have a Turkish (tr) value; "+
		"offices[0].location: must be inside Turkey; "+
		"offices[1].postal_code: must start with 06, the plate code of Ankara; "+
		"phones[0]: must be a phone number such as +90 212 555 12 12; "+
		`services[1].service_areas[1]: unknown service area "foo"`,
		err.Error())
}

func TestValidateChecksPostalCodesAgainstTheProvince(t *testing.T) {
	cases := []struct {
		postal   string
		province int
		ok       bool
	}{
		{"06100", 6, true},
		{"34000", 6, false},
		{"34000", 34, true},
		{"01010", 1, true},
		{"10100", 1, false},
		{"81000", 81, true},
	}
	for _, c := range cases {
		o := validOrganization()
		o.Offices[1].Province = c.province
		o.Offices[1].PostalCode = c.postal

		err := o.Validate()
		if c.ok {
			assert.NoError(t, err, "%s in %d", c.postal, c.province)
		} else {
			assert.ErrorIs(t, err, cso.ErrInvalid, "%s in %d", c.postal, c.province)
		}
	}
}

func TestValidateTellsTheRegistryIdentifiersApart(t *testing.T) {
	cases := []struct {
		id string
		ok bool
	}{
		{"34-123-456", true},    // association in İstanbul
		{"01-001-001", true},    // association in Adana
		{"81-123-123456", true}, // association with a six-digit serial
		{"1", true},             // foundation
		{"123456", true},        // foundation
		{"4540536920", true},    // tax number
		{"4540536921", false},   // tax number with a wrong check digit
		{"1234567891", false},   // ten digits, wrong check digit
		{"99-123-456", false},   // no province 99
		{"00-123-456", false},   // no province 0
		{"82-123-456", false},   // no province 82
		{"34-12-456", false},    // district number too short
		{"34-123-45", false},    // serial too short
		{"34-123-4567890", false},
		{"0", false},
		{"000000", false},
		{"1234567", false},
		{"123456789", false},
		{"12345678901", false}, // an identity number, not a tax number
		{"12345 67890", false},
		{"abc", false},
	}
	for _, c := range cases {
		o := validOrganization()
		o.RegistryID = c.id

		err := o.Validate()
		if c.ok {
			assert.NoError(t, err, c.id)
		} else {
			assert.ErrorIs(t, err, cso.ErrInvalid, c.id)
		}
	}
}

func TestValidateKeepsPathsOfMissingRequiredValues(t *testing.T) {
	err := (&cso.Organization{}).Validate()

	var verr *cso.ValidationError
	require.True(t, errors.As(err, &verr))
	assert.Equal(t, map[string]string{
		"name":   "must have a Turkish (tr) value",
		"kind":   "is required",
		"status": "is required",
	}, verr.Fields)
}

func TestValidationErrorWithoutSubjectListsItsFields(t *testing.T) {
	err := &cso.ValidationError{Fields: map[string]string{
		"slug": "is taken",
		"name": "is required",
	}}
	assert.Equal(t, "cso: invalid: name: is required; slug: is taken", err.Error())
	assert.ErrorIs(t, err, cso.ErrInvalid)
}

func TestQueryValidate(t *testing.T) {
	valid := cso.Query{
		Text:        "çocuk",
		Province:    34,
		ServiceArea: "health",
		TargetGroup: "children",
		Language:    "ar",
		Statuses:    []cso.Status{cso.StatusActive, cso.StatusInactive},
		Limit:       100,
	}
	require.NoError(t, valid.Validate())
	require.NoError(t, (&cso.Query{}).Validate())

	cases := []struct {
		name   string
		change func(q *cso.Query)
		path   string
		want   string
	}{
		{"limit above 100", func(q *cso.Query) { q.Limit = 101 },
			"limit", "must be at most 100"},
		{"negative limit", func(q *cso.Query) { q.Limit = -1 },
			"limit", "must be at least 0"},
		{"unknown province", func(q *cso.Query) { q.Province = 99 },
			"province", "unknown province plate code 99 (use 1–81)"},
		{"unknown service area", func(q *cso.Query) { q.ServiceArea = "foo" },
			"service_area", `unknown service area "foo"`},
		{"unknown target group", func(q *cso.Query) { q.TargetGroup = "bar" },
			"target_group", `unknown target group "bar"`},
		{"unknown language", func(q *cso.Query) { q.Language = "x-klingon" },
			"language", `unknown language tag "x-klingon" ` +
				`(use a BCP 47 tag such as tr, en or ar-SY)`},
		{"unknown status", func(q *cso.Query) { q.Statuses = []cso.Status{"open"} },
			"status[0]", "must be one of: active, inactive, closed"},
		{"text too long", func(q *cso.Query) { q.Text = strings.Repeat("ı", 201) },
			"q", "must be at most 200 characters"},
		{"text not UTF-8", func(q *cso.Query) { q.Text = "caf\xe9" },
			"q", "must be valid UTF-8 text"},
		{"text with NUL", func(q *cso.Query) { q.Text = "çocuk\x00" },
			"q", "must not contain the control character U+0000"},
		{"text with an escape", func(q *cso.Query) { q.Text = "\x1b[2Jçocuk" },
			"q", "must not contain the control character U+001B"},
		{"text with a line feed", func(q *cso.Query) { q.Text = "çocuk\nsağlık" },
			"q", "must be on one line: remove the line break U+000A"},
		{"text with a direction override", func(q *cso.Query) { q.Text = "\u202ekuçoç" },
			"q", "must not contain the direction override U+202E"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := valid
			c.change(&q)

			err := q.Validate()
			var verr *cso.ValidationError
			require.True(t, errors.As(err, &verr))
			assert.Equal(t, map[string]string{c.path: c.want}, verr.Fields)
			assert.True(t, errors.Is(err, cso.ErrInvalid))
		})
	}

	q := valid
	q.Limit = 101
	assert.EqualError(t, q.Validate(), "cso: invalid query: limit: must be at most 100")
}
