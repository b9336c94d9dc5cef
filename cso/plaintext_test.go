package cso_test

import (
	"encoding/json"
	"fmt"
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

func TestValidateRefusesTextsWithNothingToRead(t *testing.T) {
	const noLetters = "must hold letters or digits"

	cases := []struct {
		name   string
		change func(o *cso.Organization)
		path   string
	}{
		{"name of a zero-width space", func(o *cso.Organization) {
			o.Name["tr"] = "\u200b"
		}, "name.tr"},
		{"name of a lone combining accent", func(o *cso.Organization) {
			o.Name["tr"] = "\u0301"
		}, "name.tr"},
		{"name of a lone Arabic fatha", func(o *cso.Organization) {
			o.Name["ar"] = "\u064e"
		}, "name.ar"},
		{"name of joiners only", func(o *cso.Organization) {
			o.Name["fa"] = "\u200c\u200d"
		}, "name.fa"},
		{"name of a right-to-left mark", func(o *cso.Organization) {
			o.Name["ar"] = "\u200f"
		}, "name.ar"},
		{"name of punctuation", func(o *cso.Organization) {
			o.Name["en"] = "-"
		}, "name.en"},
		{"short name of a word joiner", func(o *cso.Organization) {
			o.ShortName = "\u2060"
		}, "short_name"},
		{"description of a zero-width space", func(o *cso.Organization) {
			o.Description["en"] = "\u200b\u200b"
		}, "description.en"},
		{"office name of a combining dot", func(o *cso.Organization) {
			o.Offices[0].Name = cso.Text{"tr": "\u0307"}
		}, "offices[0].name.tr"},
		{"address of a zero-width space", func(o *cso.Organization) {
			o.Offices[0].Address = "\u200b"
		}, "offices[0].address"},
		{"district of a combining accent", func(o *cso.Organization) {
			o.Offices[0].District = "\u0301"
		}, "offices[0].district"},
		{"service name of a zero-width space", func(o *cso.Organization) {
			o.Services[0].Name["tr"] = "\u200b"
		}, "services[0].name.tr"},
		{"eligibility of a dot", func(o *cso.Organization) {
			o.Services[0].Eligibility = cso.Text{"tr": "."}
		}, "services[0].eligibility.tr"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.change(o)
			assert.Equal(t, map[string]string{c.path: noLetters}, requireFields(t, o))
		})
	}
}

func TestValidateRefusesCharactersThatAreNotText(t *testing.T) {
	const (
		bom        = "must not contain U+FEFF, an invisible byte order mark"
		privateUse = "must not contain the private-use character U+%s, " +
			"which each device shows differently"
		nonchar = "must not contain U+%s, which Unicode keeps out of text"
	)

	cases := []struct {
		name string
		json string
		want map[string]string
	}{
		{"private use in a name", `{"name": {"tr": "a\ue000b"}}`,
			map[string]string{"name.tr": fmt.Sprintf(privateUse, "E000")}},
		{"last private use of the BMP in a short name", `{"short_name": "\uf8ff"}`,
			map[string]string{"short_name": fmt.Sprintf(privateUse, "F8FF")}},
		{"plane 15 private use in an address",
			`{"offices": [{"address": "Sokak \udb80\udc00", "province": 34}]}`,
			map[string]string{"offices[0].address": fmt.Sprintf(privateUse, "F0000")}},
		{"plane 16 private use in a description",
			`{"description": {"en": "x\udbff\udffd"}}`,
			map[string]string{"description.en": fmt.Sprintf(privateUse, "10FFFD")}},
		{"byte order mark before a name", `{"name": {"tr": "\ufeffab"}}`,
			map[string]string{"name.tr": bom}},
		{"byte order mark in a district",
			`{"offices": [{"address": "Sokak 1", "district": "Fa\ufefftih", "province": 34}]}`,
			map[string]string{"offices[0].district": bom}},
		{"noncharacter U+FFFF in a name", `{"name": {"tr": "a\uffffb"}}`,
			map[string]string{"name.tr": fmt.Sprintf(nonchar, "FFFF")}},
		{"noncharacter U+FFFE in a service name",
			`{"services": [{"name": {"tr": "Sağlık\ufffe"}, "service_areas": ["health"]}]}`,
			map[string]string{"services[0].name.tr": fmt.Sprintf(nonchar, "FFFE")}},
		{"noncharacter U+FDD0 in a short name", `{"short_name": "\ufdd0"}`,
			map[string]string{"short_name": fmt.Sprintf(nonchar, "FDD0")}},
		{"noncharacter U+FDEF in a description", `{"description": {"tr": "ab\ufdef"}}`,
			map[string]string{"description.tr": fmt.Sprintf(nonchar, "FDEF")}},
		{"noncharacter U+1FFFF in a name", `{"name": {"tr": "a\ud83f\udfff"}}`,
			map[string]string{"name.tr": fmt.Sprintf(nonchar, "1FFFF")}},
		{"direction override in a name", `{"name": {"tr": "Sahte \u202e Dernek"}}`,
			map[string]string{"name.tr": "must not contain the direction override U+202E"}},
		{"isolate in a short name", `{"short_name": "\u2066ÖD\u2069"}`,
			map[string]string{"short_name": "must not contain the direction override U+2066"}},
		{"embedding in an address",
			`{"offices": [{"address": "\u202bSokak 1", "province": 34}]}`,
			map[string]string{"offices[0].address": "must not contain the direction override U+202B"}},
		{"escape character in a district",
			`{"offices": [{"address": "Sokak 1", "district": "Fatih\u001b", "province": 34}]}`,
			map[string]string{"offices[0].district": "must not contain the control character U+001B"}},
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

func TestValidateAcceptsArabicPersianAndTurkishTexts(t *testing.T) {
	texts := cso.Text{
		"tr": "İstanbul Çocuk Hakları ve Güçlendirme Derneği",
		// "I want" in Persian, with a zero-width non-joiner (U+200C)
		// between its prefix and its verb.
		"fa": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
		// "association" with its harakat: fatha, sukun, kasra, shadda.
		"ar": "\u062c\u064e\u0645\u0652\u0639\u0650\u064a\u0651\u064e\u0629",
		// The Arabic letter heh shown in its medial form through a
		// zero-width joiner (U+200D), as grammar books write it.
		"ar-SY": "\u062d\u0631\u0641 \u0647\u200d",
		// i with a combining dot above (U+0307), as İ lowercases.
		"en": "i\u0307stanbul",
	}

	o := validOrganization()
	o.Name = texts
	o.ShortName = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
	o.Description = cso.Text{"fa": "\u0646\u0633\u062e\u0647\u0654 \u06f2\u200f"}
	o.Offices[0].Address = "Şehit Muhtar Mah. İnönü Cad. No: 12/Ğ"
	o.Offices[0].District = "Şişli"
	o.Services[0].Name = cso.Text{"tr": "Ücretsiz hukuki danışmanlık",
		"ar": "\u0627\u0633\u062a\u0634\u0627\u0631\u0627\u062a \u0642\u0627\u0646\u0648\u0646\u064a\u0651\u0629"}

	o.Normalize()
	require.NoError(t, o.Validate())
	assert.Equal(t, texts, o.Name, "kept as sent")
	assert.Equal(t, "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", o.ShortName)
}
