package storetest

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
)

func testSearchOfficePlaces(t *testing.T, s cso.Store) {
	byOffice := newOrg("umut-evi", "Umut Evi Derneği")
	byOffice.Offices = []cso.Office{{
		Address: "Kızılay Mah. Ziya Gökalp Cad. 12", District: "Çankaya", Province: 6,
	}}
	byName := newOrg("cankaya-kadin", "Çankaya Kadın Derneği")
	sheltered := newOrg("guvenli-ev", "Güvenli Ev Derneği")
	sheltered.Offices = []cso.Office{
		{Address: "Reşatbey Mah. 3", District: "Seyhan", Province: 1, Confidential: true},
		{Address: "Merkez", District: "Çankaya", Province: 6},
	}
	mustCreate(t, s, byOffice, byName, sheltered)

	tests := []struct {
		q    cso.Query
		want []string
	}{
		// The name match comes first, then the offices, alphabetical.
		{cso.Query{Text: "cankaya"}, []string{"cankaya-kadin", "guvenli-ev", "umut-evi"}},
		{cso.Query{Text: "ÇANKAYA"}, []string{"cankaya-kadin", "guvenli-ev", "umut-evi"}},
		{cso.Query{Text: "cankaya", Province: 6}, []string{"guvenli-ev", "umut-evi"}},
		{cso.Query{Text: "ziya gokalp"}, []string{"umut-evi"}},
		{cso.Query{Text: "umut kizilay"}, []string{"umut-evi"}},
		// Confidential offices are not searchable.
		{cso.Query{Text: "seyhan"}, []string{}},
		{cso.Query{Text: "resatbey"}, []string{}},
	}
	for _, tt := range tests {
		res := mustSearch(t, s, tt.q)
		assert.Equal(t, tt.want, slugs(res), "search %+v", tt.q)
		assert.Equal(t, len(tt.want), res.Total, "total of %+v", tt.q)
	}
}
