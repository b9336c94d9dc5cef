package cso_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

// A Text is reported at the path of each bad language, so that a form or
// a CSV file can point at the value to fix; what concerns its tags stays
// at the path of the text.
func TestValidateReportsEachBadLanguageOfAText(t *testing.T) {
	const (
		lineFeed = "must be on one line: remove the line break U+000A"
		nul      = "must not contain the control character U+0000"
		bell     = "must not contain the control character U+0007"
	)
	cases := []struct {
		name   string
		change func(o *cso.Organization)
		want   map[string]string
	}{
		{"two bad names", func(o *cso.Organization) {
			o.Name["tr"] = "Örnek\nDernek"
			o.Name["ar"] = "جمعية\x00"
		}, map[string]string{"name.tr": lineFeed, "name.ar": nul}},
		{"a bad English name only", func(o *cso.Organization) {
			o.Name["en"] = "Example\nAssociation"
		}, map[string]string{"name.en": lineFeed}},
		{"a bad Arabic description", func(o *cso.Organization) {
			o.Description["ar-SY"] = "دعم\a"
		}, map[string]string{"description.ar-SY": bell}},
		{"an office name and a second service's eligibility", func(o *cso.Organization) {
			o.Offices[0].Name = cso.Text{"tr": "Merkez\nOfis", "en": "Main"}
			o.Services = append(o.Services, o.Services[0])
			o.Services[1].Eligibility = cso.Text{"tr": "Herkes", "ar": "الجميع\x00"}
		}, map[string]string{
			"offices[0].name.tr":         lineFeed,
			"services[1].eligibility.ar": nul,
		}},
		{"an unknown tag and a bad value", func(o *cso.Organization) {
			o.Description = cso.Text{"tr": "Bir\x00", "english": "One"}
		}, map[string]string{
			"description": `has an unknown language tag "english" ` +
				"(use a BCP 47 tag such as tr, en or ar-SY)",
			"description.tr": nul,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.change(o)
			assert.Equal(t, c.want, requireFields(t, o))
		})
	}
}
