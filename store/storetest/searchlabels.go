package storetest

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
)

// testSearchLabels checks that text finds organizations by the labels, in
// Turkish, English and Arabic, of the service areas, target groups and
// provinces of their services and public offices, after those whose
// names match; the province of a confidential office finds nothing.
func testSearchLabels(t *testing.T, s cso.Store) {
	byOffice := withService(newOrg("kopru", "Köprü Derneği"),
		"legal_counseling", "", "")
	byOffice.Offices = []cso.Office{{
		Address: "İnönü Cad. 5", District: "Şahinbey", Province: 27,
	}}
	sheltered := withService(newOrg("siginak", "Sığınak Derneği"),
		"sheltering", "women", "")
	sheltered.Offices = []cso.Office{
		{Address: "Reşatbey Mah. 3", District: "Seyhan", Province: 1, Confidential: true},
		{Address: "Kızılay Mah. 8", District: "Çankaya", Province: 6},
	}

	mustCreate(t, s,
		// Children (Çocuklar, الأطفال) in İstanbul (إسطنبول), and nothing
		// else that says so.
		withService(newOrg("umut", "Umut Derneği"), "education", "children", "", 34),
		withService(newOrg("cocuk-evi", "Çocuk Evi Derneği"), "education", "youth", "", 6),
		withService(newOrg("anka", "Anka Derneği"), "education", "youth", "", 34),
		newOrg("istanbul-goc", "İstanbul Göç Derneği"),
		// Health (Sağlık, الصحة) in Gaziantep (غازي عنتاب).
		withService(newOrg("dayanisma", "Dayanışma Derneği"), "health", "women", "", 27),
		byOffice, sheltered,
	)

	tests := []struct {
		q    cso.Query
		want []string
	}{
		// The name first, then the target group's label.
		{cso.Query{Text: "cocuk"}, []string{"cocuk-evi", "umut"}},
		{cso.Query{Text: "ÇOCUKLAR"}, []string{"umut"}},
		{cso.Query{Text: "children"}, []string{"umut"}},
		{cso.Query{Text: "الأطفال"}, []string{"umut"}},
		{cso.Query{Text: "cocuk", Province: 34}, []string{"umut"}},

		// Provinces of services and of public offices, named in any
		// language; the name first, then the others alphabetically.
		{cso.Query{Text: "istanbul"}, []string{"istanbul-goc", "anka", "umut"}},
		{cso.Query{Text: "İSTANBUL"}, []string{"istanbul-goc", "anka", "umut"}},
		{cso.Query{Text: "إسطنبول"}, []string{"anka", "umut"}},
		{cso.Query{Text: "اسطنبول"}, []string{"anka", "umut"}},
		{cso.Query{Text: "gaziantep"}, []string{"dayanisma", "kopru"}},
		{cso.Query{Text: "غازي عنتاب"}, []string{"dayanisma", "kopru"}},
		{cso.Query{Text: "ankara"}, []string{"cocuk-evi", "siginak"}},
		{cso.Query{Text: "anka"}, []string{"anka", "cocuk-evi", "siginak"}},

		// Service areas, which the service names do not say.
		{cso.Query{Text: "saglik"}, []string{"dayanisma"}},
		{cso.Query{Text: "health"}, []string{"dayanisma"}},
		{cso.Query{Text: "الصحة"}, []string{"dayanisma"}},
		{cso.Query{Text: "barinma kadin"}, []string{"siginak"}},

		// Adana (أضنة) is the province of a confidential office only.
		{cso.Query{Text: "adana"}, []string{}},
		{cso.Query{Text: "أضنة"}, []string{}},
	}
	for _, tt := range tests {
		assertFinds(t, s, tt.q, tt.want)

		got, _ := followPages(t, s, tt.q, 1)
		assert.Equal(t, tt.want, got, "search %+v in pages of one", tt.q)
	}
}
