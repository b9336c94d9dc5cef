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
		assertFinds(t, s, tt.q, tt.want)
	}
}

func testSearchLanguageVariants(t *testing.T, s cso.Store) {
	mustCreate(t, s,
		withService(newOrg("arapca", "Arapça Destek Derneği"), "health", "", "ar", 34),
		withService(newOrg("suriye", "Suriye Arapçası Derneği"), "health", "", "ar-SY", 34),
		withService(newOrg("misir", "Mısır Arapçası Derneği"), "health", "", "ar-EG", 34),
		withService(newOrg("farsca", "Farsça Destek Derneği"), "health", "", "fa", 34),
		withService(newOrg("dari", "Dari Destek Derneği"), "education", "", "fa-AF", 6),
	)

	tests := []struct {
		q    cso.Query
		want []string
	}{
		// A base language finds its regional variants too.
		{cso.Query{Language: "ar"}, []string{"arapca", "misir", "suriye"}},
		{cso.Query{Language: "fa"}, []string{"dari", "farsca"}},
		// A regional tag finds itself and its base language, not the
		// other variants.
		{cso.Query{Language: "ar-SY"}, []string{"arapca", "suriye"}},
		{cso.Query{Language: "ar-EG"}, []string{"arapca", "misir"}},
		{cso.Query{Language: "ar-IQ"}, []string{"arapca"}},
		{cso.Query{Language: "fa-AF"}, []string{"dari", "farsca"}},
		{cso.Query{Language: "fa-IR"}, []string{"farsca"}},
		{cso.Query{Language: "tr"}, []string{}},
		// With other filters and text.
		{cso.Query{Language: "ar-SY", Province: 34, ServiceArea: "health"},
			[]string{"arapca", "suriye"}},
		{cso.Query{Language: "fa-AF", Province: 6}, []string{"dari"}},
		{cso.Query{Text: "arapca", Language: "ar-SY"}, []string{"arapca", "suriye"}},
	}
	for _, tt := range tests {
		assertFinds(t, s, tt.q, tt.want)

		// Pages of one take other ways to the matches than one page.
		got, _ := followPages(t, s, tt.q, 1)
		assert.Equal(t, tt.want, got, "search %+v in pages of one", tt.q)
	}
}
