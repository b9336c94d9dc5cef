package cso_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

func TestValidateRefusesTextThatCouldNotBeRead(t *testing.T) {
	const lost = "has a character that could not be read (U+FFFD): " +
		"type the text again"

	cases := []struct {
		name string
		json string
		want map[string]string
	}{
		{"lone surrogate in a name", `{"name": {"tr": "Deneme \ud800"}}`,
			map[string]string{"name.tr": lost}},
		{"lone low surrogate in a description",
			`{"description": {"en": "Help \udc00 here"}}`,
			map[string]string{"description.en": lost}},
		{"replacement character in a short name", `{"short_name": "ÖD\ufffd"}`,
			map[string]string{"short_name": lost}},
		{"lone surrogate in an address",
			`{"offices": [{"address": "Sokak \ud83d", "province": 34}]}`,
			map[string]string{"offices[0].address": lost}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			o.Offices = nil
			require.NoError(t, json.Unmarshal([]byte(c.json), o))
			assert.Equal(t, c.want, requireFields(t, o))
		})
	}
}

func TestValidateRefusesTwoValuesForOneLanguage(t *testing.T) {
	cases := []struct {
		name   string
		change func(o *cso.Organization)
		want   map[string]string
	}{
		{"name in tr and TR", func(o *cso.Organization) {
			o.Name = cso.Text{"tr": "a", "TR": "x"}
		}, map[string]string{
			"name": `has different values for one language under "TR" and "tr": keep one`,
		}},
		{"name in TR and Tr only", func(o *cso.Organization) {
			o.Name = cso.Text{"TR": "a", "Tr": "x"}
		}, map[string]string{
			"name": `has different values for one language under "TR" and "Tr": keep one`,
		}},
		{"description in ar-SY and ar-sy", func(o *cso.Organization) {
			o.Description = cso.Text{"ar-SY": "y", "ar-sy": "x"}
		}, map[string]string{
			"description": `has different values for one language under "ar-SY" and "ar-sy": keep one`,
		}},
		{"service eligibility under three spellings", func(o *cso.Organization) {
			o.Services[0].Eligibility = cso.Text{"en": "a", " en": "a", "EN": "b"}
		}, map[string]string{
			"services[0].eligibility": `has different values for one language ` +
				`under " en", "EN" and "en": keep one`,
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

func TestValidateKeepsSingleLineFieldsOnOneLine(t *testing.T) {
	cases := []struct {
		name   string
		change func(o *cso.Organization)
		path   string
		want   string
	}{
		{"name with a line feed", func(o *cso.Organization) {
			o.Name["tr"] = "Çok\nSatırlı"
		}, "name.tr", "must be on one line: remove the line break U+000A"},
		{"name with a carriage return", func(o *cso.Organization) {
			o.Name["en"] = "Two\r\nLines"
		}, "name.en", "must be on one line: remove the line break U+000D"},
		{"name with a tab", func(o *cso.Organization) {
			o.Name["tr"] = "Örnek\tDernek"
		}, "name.tr", "must not contain the control character U+0009"},
		{"name with a line separator", func(o *cso.Organization) {
			o.Name["ar"] = "جمعية\u2028النموذجية"
		}, "name.ar", "must be on one line: remove the line break U+2028"},
		{"short name with a line feed", func(o *cso.Organization) {
			o.ShortName = "Ö\nD"
		}, "short_name", "must be on one line: remove the line break U+000A"},
		{"short name with a tab", func(o *cso.Organization) {
			o.ShortName = "Ö\tD"
		}, "short_name", "must not contain the control character U+0009"},
		{"address with a line feed", func(o *cso.Organization) {
			o.Offices[0].Address = "Tarlabaşı Bulvarı\nNo: 1"
		}, "offices[0].address", "must be on one line: remove the line break U+000A"},
		{"district with next line", func(o *cso.Organization) {
			o.Offices[0].District = "Bey\u0085oğlu"
		}, "offices[0].district", "must be on one line: remove the line break U+0085"},
		{"office name with a line feed", func(o *cso.Organization) {
			o.Offices[0].Name = cso.Text{"tr": "Merkez\nOfis"}
		}, "offices[0].name.tr", "must be on one line: remove the line break U+000A"},
		{"service name with a paragraph separator", func(o *cso.Organization) {
			o.Services[0].Name["tr"] = "Hukuki\u2029danışmanlık"
		}, "services[0].name.tr", "must be on one line: remove the line break U+2029"},
		{"description with a vertical tab", func(o *cso.Organization) {
			o.Description["tr"] = "Bir\vİki"
		}, "description.tr", "must not contain the control character U+000B"},
		{"eligibility with NUL", func(o *cso.Organization) {
			o.Services[0].Eligibility = cso.Text{"tr": "Herkes\x00"}
		}, "services[0].eligibility.tr", "must not contain the control character U+0000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.change(o)
			assert.Equal(t, map[string]string{c.path: c.want}, requireFields(t, o))
		})
	}
}

func TestValidateLetsLongTextsHaveParagraphs(t *testing.T) {
	o := validOrganization()
	o.Description["tr"] = "Birinci paragraf.\r\n\r\n\tİkinci paragraf.\u2028Satır."
	o.Services[0].Eligibility = cso.Text{"tr": "1. Kimlik\n2. Adres"}
	o.Services[0].RequiredDocuments = cso.Text{"en": "ID card\nProof of address"}

	o.Normalize()
	assert.NoError(t, o.Validate())
}
