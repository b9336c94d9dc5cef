package cso_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

// goodCSV has its columns in an order of its own, provinces given by code
// and by name, and a quoted address with a comma.
const goodCSV = `name_tr,name_en,short_name,kind,website,email,phones,` +
	`provinces,service_areas,target_groups,languages,office_address,` +
	`office_district,office_province,office_postal_code,office_lat,office_lon
Örnek Dayanışma Derneği,Example Solidarity Association,ÖDD,association,` +
	`https://ornek.org.tr,info@ornek.org.tr,+903124181234,` +
	`06;Gaziantep;İstanbul,legal_counseling;psychosocial_support,` +
	`children;women,ar;tr,"Kızılay Mah. Gazi Bulvarı 1, Kat 2",Çankaya,` +
	`Ankara,06420,39.92,32.85
Deniz Vakfı,,,foundation,,,,,,,,,,,,,
`

// goodOrganizations are the organizations in goodCSV.
func goodOrganizations() []*cso.Organization {
	legal := cso.Text{
		"tr": "Hukuki danışmanlık",
		"en": "Legal counseling",
		"ar": "الاستشارات القانونية",
	}
	psychosocial := cso.Text{
		"tr": "Psikososyal destek",
		"en": "Psychosocial support",
		"ar": "الدعم النفسي والاجتماعي",
	}
	service := func(name cso.Text, area string) cso.Service {
		return cso.Service{
			Name:         name,
			Areas:        []string{area},
			TargetGroups: []string{"children", "women"},
			Languages:    []string{"ar", "tr"},
			Provinces:    []int{6, 27, 34},
		}
	}

	return []*cso.Organization{
		{
			Name: cso.Text{
				"tr": "Örnek Dayanışma Derneği",
				"en": "Example Solidarity Association",
			},
			ShortName: "ÖDD",
			Kind:      cso.KindAssociation,
			Status:    cso.StatusActive,
			Website:   "https://ornek.org.tr",
			Email:     "info@ornek.org.tr",
			Phones:    []string{"+903124181234"},
			Services: []cso.Service{
				service(legal, "legal_counseling"),
				service(psychosocial, "psychosocial_support"),
			},
			Offices: []cso.Office{{
				Address:    "Kızılay Mah. Gazi Bulvarı 1, Kat 2",
				District:   "Çankaya",
				Province:   6,
				PostalCode: "06420",
				Location:   &cso.Coordinates{Lat: 39.92, Lon: 32.85},
			}},
		},
		{
			Name:   cso.Text{"tr": "Deniz Vakfı"},
			Kind:   cso.KindFoundation,
			Status: cso.StatusActive,
		},
	}
}

func TestReadCSVGoodFile(t *testing.T) {
	orgs, err := cso.ReadCSV(strings.NewReader(goodCSV))
	require.NoError(t, err)
	assert.Equal(t, goodOrganizations(), orgs)
}

func TestReadCSVToleratesBOMAndCRLF(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"bom", "\uFEFFname_tr,kind\nDeniz Vakfı,foundation\n"},
		{"crlf", "name_tr,kind\r\nDeniz Vakfı,foundation\r\n"},
		{"bom and crlf", "\uFEFFname_tr,kind\r\nDeniz Vakfı,foundation\r\n"},
		{"no final newline", "name_tr,kind\r\nDeniz Vakfı,foundation"},
		{"quoted first header", "\uFEFF\"name_tr\",kind\nDeniz Vakfı,foundation\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orgs, err := cso.ReadCSV(strings.NewReader(tt.text))
			require.NoError(t, err)
			require.Len(t, orgs, 1)
			assert.Equal(t, cso.Text{"tr": "Deniz Vakfı"}, orgs[0].Name)
			assert.Equal(t, cso.KindFoundation, orgs[0].Kind)
		})
	}
}

func TestReadCSVHeaderOnly(t *testing.T) {
	orgs, err := cso.ReadCSV(strings.NewReader("name_tr,kind\r\n"))
	require.NoError(t, err)
	assert.Empty(t, orgs)
}

// rowErrorAt is the position of a RowError, without its wording.
type rowErrorAt struct {
	Line   int
	Column string
}

// importErrorsAt reads text and returns where its errors are.
func importErrorsAt(t *testing.T, text string) []rowErrorAt {
	t.Helper()
	orgs, err := cso.ReadCSV(strings.NewReader(text))
	assert.Nil(t, orgs)
	require.Error(t, err)
	assert.ErrorIs(t, err, cso.ErrInvalid)

	var ie *cso.ImportError
	require.ErrorAs(t, err, &ie)
	at := make([]rowErrorAt, len(ie.Rows))
	for i, r := range ie.Rows {
		assert.NotEmpty(t, r.Reason, "line %d %s", r.Line, r.Column)
		at[i] = rowErrorAt{r.Line, r.Column}
	}
	return at
}

func TestReadCSVListsEveryBadRow(t *testing.T) {
	text := "slug,name_tr,kind,phones,provinces,service_areas\n" +
		"bir,Bir Derneği,association,+903124181234,Ankara,health\n" +
		"iki,İki Derneği,association,12345,Ankara,health\n" +
		"uc,Üç Derneği,association,,İzmir,education\n" +
		"dort,Dört Derneği,association,,Atlantis,education\n" +
		"bir,Beş Derneği,association,,Van,health\n"

	assert.Equal(t, []rowErrorAt{
		{3, "phones"},
		{5, "provinces"},
		{6, "slug"},
	}, importErrorsAt(t, text))
}

func TestReadCSVParseErrors(t *testing.T) {
	const head = "name_tr,kind,provinces,service_areas,target_groups," +
		"office_address,office_province,office_district,office_lat,office_lon\n"
	tests := []struct {
		name string
		row  string
		want []rowErrorAt
	}{
		{"plate code too high", "A,other,82,health,,,,,,",
			[]rowErrorAt{{2, "provinces"}}},
		{"plate code zero", "A,other,0;34,health,,,,,,",
			[]rowErrorAt{{2, "provinces"}}},
		{"unknown province", "A,other,Halep,health,,,,,,",
			[]rowErrorAt{{2, "provinces"}}},
		{"unknown office province", "A,other,,,,Cadde 1,Halep,,,",
			[]rowErrorAt{{2, "office_province"}}},
		{"unknown service area", "A,other,34,health;shelter,,,,,,",
			[]rowErrorAt{{2, "service_areas"}}},
		{"unknown target group", "A,other,34,health,refugees,,,,,",
			[]rowErrorAt{{2, "target_groups"}}},
		{"provinces without service area", "A,other,34,,,,,,,",
			[]rowErrorAt{{2, "service_areas"}}},
		{"latitude not a number", "A,other,,,,Cadde 1,34,,kuzey,29",
			[]rowErrorAt{{2, "office_lat"}}},
		{"longitude out of range", "A,other,,,,Cadde 1,34,,41,290",
			[]rowErrorAt{{2, "office_lon"}}},
		{"latitude without longitude", "A,other,,,,Cadde 1,34,,41,",
			[]rowErrorAt{{2, "office_lon"}}},
		{"office without address or province", "A,other,,,,,,Fatih,,",
			[]rowErrorAt{{2, "office_address"}, {2, "office_province"}}},
		{"office without address or province, bad latitude", "A,other,,,,,,Fatih,kuzey,29",
			[]rowErrorAt{{2, "office_address"}, {2, "office_province"}, {2, "office_lat"}}},
		{"several bad columns", "A,other,99,health,refugees,,,,,",
			[]rowErrorAt{{2, "provinces"}, {2, "target_groups"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, importErrorsAt(t, head+tt.row+"\n"))
		})
	}
}

// A bad value is reported even when another column of the row leaves it
// without services or without an office, with a reason that names it.
func TestReadCSVReportsEveryBadValue(t *testing.T) {
	const head = "name_tr,kind,service_areas,target_groups,languages,provinces," +
		"office_district,office_postal_code\n"
	const officeRequired = "required when other office columns are given"
	tests := []struct {
		name string
		row  string
		want []cso.RowError
	}{
		{"no valid service area", "Dil Bir,association,cooking,aliens,klingon,34,,",
			[]cso.RowError{
				{Line: 2, Column: "service_areas", Reason: `unknown service area "cooking"`},
				{Line: 2, Column: "target_groups", Reason: `unknown target group "aliens"`},
				{Line: 2, Column: "languages", Reason: `unknown language tag "klingon" ` +
					`(use a BCP 47 tag such as tr, en or ar-SY)`},
			}},
		{"two bad languages", "Dil İki,association,health,,tr;xx-notatag;klingon,,,",
			[]cso.RowError{
				{Line: 2, Column: "languages", Reason: `unknown language tag "xx-notatag" ` +
					`(use a BCP 47 tag such as tr, en or ar-SY); unknown language tag ` +
					`"klingon" (use a BCP 47 tag such as tr, en or ar-SY)`},
			}},
		{"office without address", "Dil Üç,association,,,,,Fatih,3400",
			[]cso.RowError{
				{Line: 2, Column: "office_address", Reason: officeRequired},
				{Line: 2, Column: "office_province", Reason: officeRequired},
				{Line: 2, Column: "office_postal_code",
					Reason: "must be a five-digit postal code"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cso.ReadCSV(strings.NewReader(head + tt.row + "\n"))
			var ie *cso.ImportError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.want, ie.Rows)
		})
	}
}

func TestReadCSVHeaderErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       []rowErrorAt
	}{
		{"empty file", "", []rowErrorAt{{1, ""}}},
		{"unknown column", "name_tr,kind,phone\nA,other,1\n",
			[]rowErrorAt{{1, "phone"}}},
		{"column twice", "name_tr,kind,Kind\nA,other,other\n",
			[]rowErrorAt{{1, "kind"}}},
		{"name_tr missing", "name_en,kind\nA,other\n",
			[]rowErrorAt{{1, "name_tr"}}},
		{"kind missing", "name_tr,name_en\nA Derneği,A\nB Derneği,B\n",
			[]rowErrorAt{{1, "kind"}}},
		{"both missing", "slug\na\n",
			[]rowErrorAt{{1, "name_tr"}, {1, "kind"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, importErrorsAt(t, tt.text))
		})
	}
}

// Broken quoting and a short row are reported on the line they start on,
// and reading goes on to find the errors after them, of any kind.
func TestReadCSVSyntaxErrors(t *testing.T) {
	text := "name_tr,kind,description_en\n" +
		"A,other,\"Two\nlines\"\n" +
		"B,other,a \"quoted\" word\n" +
		"C,other\n" +
		"D,charity,fine\n" +
		"E,other,\"broken\"quote\n"

	assert.Equal(t, []rowErrorAt{
		{4, ""},
		{5, ""},
		{6, "kind"},
		{7, ""},
	}, importErrorsAt(t, text))
}

func TestReadCSVCountsLinesOfQuotedNewlines(t *testing.T) {
	text := "slug,name_tr,kind,description_tr\r\n" +
		"a,A Derneği,other,\"Bir\r\nİki\r\nÜç\"\r\n" +
		"a,B Derneği,other,\r\n"

	assert.Equal(t, []rowErrorAt{{5, "slug"}}, importErrorsAt(t, text))
}

func TestReadCSVDuplicates(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []rowErrorAt
	}{
		{"same short name", "name_tr,short_name,kind\n" +
			"Birinci Derneği,ÖDD,other\n" +
			"İkinci Derneği,ödd,other\n",
			[]rowErrorAt{{3, "slug"}}},
		{"same Turkish name", "name_tr,kind\n" +
			"Deniz Vakfı,foundation\n" +
			"Deniz Vakfi,foundation\n",
			[]rowErrorAt{{3, "slug"}}},
		{"slug given equals a derived one", "slug,name_tr,kind\n" +
			",Deniz Vakfı,foundation\n" +
			"deniz-vakfi,Başka Vakıf,foundation\n",
			[]rowErrorAt{{3, "slug"}}},
		{"same registry identifier", "name_tr,kind,registry_id\n" +
			"Bir Vakfı,foundation,1234\n" +
			"İki Vakfı,foundation,5678\n" +
			"Üç Vakfı,foundation,1234\n",
			[]rowErrorAt{{4, "registry_id"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, importErrorsAt(t, tt.text))
		})
	}
}

func TestReadCSVRowLimit(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("name_tr,kind\n")
	for i := range cso.MaxCSVRows + 1 {
		fmt.Fprintf(&b, "Dernek %d,other\n", i)
	}

	assert.Equal(t, []rowErrorAt{{cso.MaxCSVRows + 2, ""}},
		importErrorsAt(t, b.String()))
}

func TestImportErrorMessage(t *testing.T) {
	err := &cso.ImportError{Rows: []cso.RowError{
		{Line: 3, Column: "phones", Reason: "not a phone number"},
		{Line: 3, Column: "email", Reason: "not an e-mail address"},
		{Line: 7, Reason: "wrong number of fields"},
	}}

	assert.Equal(t, "cso: csv has 3 errors in 2 rows; "+
		"line 3, phones: not a phone number; "+
		"line 3, email: not an e-mail address; "+
		"line 7: wrong number of fields", err.Error())
	assert.True(t, errors.Is(err, cso.ErrInvalid))
	assert.False(t, errors.Is(err, cso.ErrNotFound))

	one := &cso.ImportError{Rows: []cso.RowError{
		{Line: 1, Column: "phone", Reason: "unknown column"},
	}}
	assert.Equal(t, "cso: csv has 1 error in 1 row; line 1, phone: unknown column",
		one.Error())
}

func TestImportErrorMessageIsShortForManyRows(t *testing.T) {
	var rows []cso.RowError
	for line := 2; line <= 31; line++ {
		rows = append(rows, cso.RowError{Line: line, Column: "kind", Reason: "bad"})
	}
	err := &cso.ImportError{Rows: rows}

	assert.Equal(t, "cso: csv has 30 errors in 30 rows; "+
		"line 2, kind: bad; line 3, kind: bad; line 4, kind: bad; "+
		"line 5, kind: bad; line 6, kind: bad; and 25 more", err.Error())
}

// What validation finds is reported under the column a person edits.
func TestReadCSVReportsValidationUnderColumns(t *testing.T) {
	const head = "slug,name_tr,name_en,kind,status,website,email,phones," +
		"social_links,registry_id,languages,service_areas,provinces," +
		"office_address,office_province,office_postal_code,office_lat,office_lon\n"
	const good = ",Deniz Vakfı,,foundation,,,,,,,,,,,,,,"
	tests := []struct {
		name, row, column string
	}{
		{"slug with spaces", "Dağ Vakfı,Dağ Vakfı,,foundation,,,,,,,,,,,,,,", "slug"},
		{"empty Turkish name", ",,Mountain Foundation,foundation,,,,,,,,,,,,,,", "name_tr"},
		{"unknown kind", ",Dağ Vakfı,,charity,,,,,,,,,,,,,,", "kind"},
		{"unknown status", ",Dağ Vakfı,,foundation,dormant,,,,,,,,,,,,,", "status"},
		{"website scheme", ",Dağ Vakfı,,foundation,,ftp://deniz.org,,,,,,,,,,,,", "website"},
		{"e-mail", ",Dağ Vakfı,,foundation,,,deniz.org,,,,,,,,,,,", "email"},
		{"second phone", ",Dağ Vakfı,,foundation,,,,+903124181234;12,,,,,,,,,,", "phones"},
		{"social link", ",Dağ Vakfı,,foundation,,,,,deniz,,,,,,,,,", "social_links"},
		{"registry identifier", ",Dağ Vakfı,,foundation,,,,,,12-34,,,,,,,,", "registry_id"},
		{"language tag", ",Dağ Vakfı,,foundation,,,,,,,xx-notatag,health,,,,,,", "languages"},
		{"postal code of another province",
			",Dağ Vakfı,,foundation,,,,,,,,,,Cadde 1,Ankara,34000,,",
			"office_postal_code"},
		{"office outside Turkey", ",Dağ Vakfı,,foundation,,,,,,,,,,Cadde 1,34,,51.5,-0.1", "office_lat"},
		{"office without province", ",Dağ Vakfı,,foundation,,,,,,,,,,Cadde 1,,,,", "office_province"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := head + good + "\n" + tt.row + "\n"
			assert.Equal(t, []rowErrorAt{{3, tt.column}}, importErrorsAt(t, text))
		})
	}
}

func TestReadCSVNormalizes(t *testing.T) {
	text := "name_tr,kind,status,website,email,phones,languages,service_areas\n" +
		"  Deniz Vakfı ,Foundation,ACTIVE,deniz.org.tr,Info@Deniz.org.tr," +
		"0212 555 12 12 ; +90 (312) 418 12 34,TR;ar-sy,Health\n"

	orgs, err := cso.ReadCSV(strings.NewReader(text))
	require.NoError(t, err)
	require.Len(t, orgs, 1)

	o := orgs[0]
	assert.Equal(t, cso.Text{"tr": "Deniz Vakfı"}, o.Name)
	assert.Equal(t, cso.KindFoundation, o.Kind)
	assert.Equal(t, cso.StatusActive, o.Status)
	assert.Equal(t, "https://deniz.org.tr", o.Website)
	assert.Equal(t, "info@deniz.org.tr", o.Email)
	assert.ElementsMatch(t, []string{"+902125551212", "+903124181234"}, o.Phones)
	require.Len(t, o.Services, 1)
	assert.Equal(t, []string{"health"}, o.Services[0].Areas)
	assert.ElementsMatch(t, []string{"ar-SY", "tr"}, o.Services[0].Languages)
}
