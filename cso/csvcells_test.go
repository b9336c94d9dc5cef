package cso_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

// readCSVRowErrors reads text, which must be refused, and returns its
// row errors.
func readCSVRowErrors(t *testing.T, text string) []cso.RowError {
	t.Helper()
	orgs, err := cso.ReadCSV(strings.NewReader(text))
	assert.Nil(t, orgs)

	var ie *cso.ImportError
	require.ErrorAs(t, err, &ie)
	return ie.Rows
}

// A bad text is reported under the column of its language, each bad
// language on its own.
func TestReadCSVReportsTextsUnderTheColumnOfTheirLanguage(t *testing.T) {
	const (
		head     = "name_tr,name_en,name_ar,kind,description_tr,description_ar\n"
		lineFeed = "must be on one line: remove the line break U+000A"
	)
	tests := []struct {
		name string
		row  string
		want []cso.RowError
	}{
		{"line break in the English name",
			"Bir Derneği,\"One\nAssociation\",,other,,",
			[]cso.RowError{{Line: 2, Column: "name_en", Reason: lineFeed}}},
		{"control character in the Arabic description",
			"Bir Derneği,,,other,Açıklama,\"وصف\x01\"",
			[]cso.RowError{{Line: 2, Column: "description_ar",
				Reason: "must not contain the control character U+0001"}}},
		{"bad Turkish and Arabic names",
			"\"Bir\nDerneği\",,\"جمعية\x00\",other,,",
			[]cso.RowError{
				{Line: 2, Column: "name_tr", Reason: lineFeed},
				{Line: 2, Column: "name_ar",
					Reason: "must not contain the control character U+0000"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, readCSVRowErrors(t, head+tt.row+"\n"))
		})
	}
}

// A code that a cell names twice, in any case or by plate code and by
// name, counts once.
func TestReadCSVKeepsEachCodeOfACellOnce(t *testing.T) {
	text := "name_tr,kind,service_areas,target_groups,languages,provinces\n" +
		"Bir Derneği,other,health;health,women;WOMEN,ar;AR;ar-sy;ar-SY," +
		"34;İstanbul;istanbul;إسطنبول\n" +
		"İki Derneği,other,HEALTH;health;Health;education,,,06;6;Ankara\n"

	orgs, err := cso.ReadCSV(strings.NewReader(text))
	require.NoError(t, err)
	require.Len(t, orgs, 2)

	first := orgs[0].Services
	require.Len(t, first, 1)
	assert.Equal(t, []string{"health"}, first[0].Areas)
	assert.Equal(t, []string{"women"}, first[0].TargetGroups)
	assert.Equal(t, []string{"ar", "ar-SY"}, first[0].Languages)
	assert.Equal(t, []int{34}, first[0].Provinces)

	second := orgs[1].Services
	require.Len(t, second, 2)
	assert.Equal(t, []string{"health"}, second[0].Areas)
	assert.Equal(t, []string{"education"}, second[1].Areas)
	assert.Equal(t, []int{6}, second[0].Provinces)
}

// Coordinates are plain decimal numbers: none of Go's other number forms.
func TestReadCSVReadsOnlyDecimalCoordinates(t *testing.T) {
	const head = "name_tr,kind,office_address,office_province,office_lat,office_lon\n"
	notDecimal := func(s string) string {
		return "must be a decimal number such as 41.0082 " +
			"(digits, with a point before any decimals), not \"" + s + "\""
	}
	tests := []struct {
		name     string
		lat, lon string
		want     []cso.RowError
	}{
		{"underscores", "4_1.0_5", "29", []cso.RowError{
			{Line: 2, Column: "office_lat", Reason: notDecimal("4_1.0_5")}}},
		{"hexadecimal", "41", "0x1.dp4", []cso.RowError{
			{Line: 2, Column: "office_lon", Reason: notDecimal("0x1.dp4")}}},
		{"underscore in whole degrees", "41_0", "29", []cso.RowError{
			{Line: 2, Column: "office_lat", Reason: notDecimal("41_0")}}},
		{"exponent and infinity", "4.1e1", "Inf", []cso.RowError{
			{Line: 2, Column: "office_lat", Reason: notDecimal("4.1e1")},
			{Line: 2, Column: "office_lon", Reason: notDecimal("Inf")}}},
		{"decimal comma", `"41,0082"`, "29", []cso.RowError{
			{Line: 2, Column: "office_lat", Reason: notDecimal("41,0082")}}},
		{"point without decimals", "41.", ".5", []cso.RowError{
			{Line: 2, Column: "office_lat", Reason: notDecimal("41.")},
			{Line: 2, Column: "office_lon", Reason: notDecimal(".5")}}},
		{"out of range", "91", "29", []cso.RowError{
			{Line: 2, Column: "office_lat", Reason: "91 is outside -90 to 90 degrees"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := "A,other,Cadde 1,34," + tt.lat + "," + tt.lon + "\n"
			assert.Equal(t, tt.want, readCSVRowErrors(t, head+row))
		})
	}
}

func TestReadCSVReadsSignedDecimalCoordinates(t *testing.T) {
	text := "name_tr,kind,office_address,office_province,office_lat,office_lon\n" +
		"A,other,Cadde 1,34,+41.0082,28.9784\n" +
		"B,other,Cadde 2,34,41,029\n"

	orgs, err := cso.ReadCSV(strings.NewReader(text))
	require.NoError(t, err)
	require.Len(t, orgs, 2)
	assert.Equal(t, &cso.Coordinates{Lat: 41.0082, Lon: 28.9784}, orgs[0].Offices[0].Location)
	assert.Equal(t, &cso.Coordinates{Lat: 41, Lon: 29}, orgs[1].Offices[0].Location)
}

func TestReadCSVRequiresTheKindColumn(t *testing.T) {
	text := "name_tr,name_en\nBir Derneği,One\nİki Derneği,Two\n"

	assert.Equal(t, []cso.RowError{
		{Line: 1, Column: "kind", Reason: "required column is missing"},
	}, readCSVRowErrors(t, text))
}

// A bad entry of a list cell is named by its place in the cell and its
// value, and each reason is given once.
func TestReadCSVNamesTheBadEntryOfAList(t *testing.T) {
	const marks = "must contain only digits, spaces, +, (, ), - and . " +
		"(extensions cannot be stored)"
	text := "name_tr,kind,phones,social_links\n" +
		"Bir Derneği,other,0212 CALL NOW,\n" +
		"İki Derneği,other,0212 555 12 12;;0212 CALL NOW;12,\n" +
		"Üç Derneği,other,,https://example.org;ftp://example.org\n"

	assert.Equal(t, []cso.RowError{
		{Line: 2, Column: "phones",
			Reason: `entry 1 ("0212 CALL NOW"): ` + marks},
		{Line: 3, Column: "phones",
			Reason: `entry 2 ("0212 CALL NOW"): ` + marks + `; ` +
				`entry 3 ("12"): must be a phone number such as +90 212 555 12 12`},
		{Line: 4, Column: "social_links",
			Reason: `entry 2 ("ftp://example.org"): must be an http or https address`},
	}, readCSVRowErrors(t, text))
}
