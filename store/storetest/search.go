package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testConfidentialOffice(t *testing.T, s cso.Store) {
	ctx := context.Background()
	o := newOrg("siginma-evi", "Güvenli Yaşam Derneği")
	o.Offices = []cso.Office{
		{Name: cso.Text{"tr": "Danışma"}, Address: "Çankaya", Province: 6},
		{
			Name:         cso.Text{"tr": "Sığınakevi"},
			Address:      "Gizli adres",
			District:     "Şahinbey",
			Province:     27,
			Confidential: true,
		},
	}
	mustCreate(t, s, o)

	res := mustSearch(t, s, cso.Query{})
	require.Len(t, res.Items, 1)
	assert.Equal(t, []cso.Office{{
		Name: cso.Text{"tr": "Danışma"}, Address: "Çankaya", Province: 6,
	}}, res.Items[0].Offices)

	assert.Equal(t, 1, mustSearch(t, s, cso.Query{Province: 6}).Total)
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Province: 27}).Total,
		"the province of a confidential office is no filter")
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Text: "sigina"}).Total,
		"the name of a confidential office is not searchable")
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Text: "sahinbey"}).Total,
		"the district of a confidential office is not searchable")
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Text: "gizli"}).Total,
		"the address of a confidential office is not searchable")
	assert.Equal(t, 1, mustSearch(t, s, cso.Query{Text: "cankaya"}).Total,
		"the address of a public office is searchable")

	// Its owner still sees it.
	got, err := s.Organization(ctx, "siginma-evi")
	require.NoError(t, err)
	assert.Len(t, got.Offices, 2)
}

func testSearchFolding(t *testing.T, s cso.Store) {
	mustCreate(t, s,
		newOrg("cocuk-haklari", "Çocuk Hakları Derneği"),
		newOrg("siginmaci-destek", "Sığınmacı Destek Vakfı"),
		&cso.Organization{
			Slug:   "amal-okulu",
			Name:   cso.Text{"tr": "Umut Okulu", "ar": "مدرسة الأمل"},
			Kind:   cso.KindFoundation,
			Status: cso.StatusActive,
		},
		newOrg("hukuki-yardim", "Hukuki Yardım Platformu"),
		newOrg("istanbul-goc", "İstanbul Göç Merkezi"),
		&cso.Organization{
			Slug:   "tamil-kalvi",
			Name:   cso.Text{"tr": "Tamil Eğitim Merkezi", "ta": "தமிழ் கல்வி மையம்"},
			Kind:   cso.KindAssociation,
			Status: cso.StatusActive,
		},
	)

	tests := []struct {
		text string
		want []string
	}{
		{"cocuk", []string{"cocuk-haklari"}},
		{"ÇOCUK", []string{"cocuk-haklari"}},
		{"çocuk", []string{"cocuk-haklari"}},
		{"SIGINMACI", []string{"siginmaci-destek"}},
		{"sığınmacı", []string{"siginmaci-destek"}},
		{"مدرسه", []string{"amal-okulu"}},
		{"مدرسة", []string{"amal-okulu"}},
		{"hukuk", []string{"hukuki-yardim"}},
		{"yard", []string{"hukuki-yardim"}},
		{"ISTANBUL", []string{"istanbul-goc"}},
		{"istanbul", []string{"istanbul-goc"}},
		{"ukuk", []string{}},
		{"zeytin", []string{}},
		// Tamil writes vowel signs that are marks, not letters, inside
		// words: the word is still one word.
		{"தமிழ்", []string{"tamil-kalvi"}},
		{"கல்வி மை", []string{"tamil-kalvi"}},
	}
	for _, tt := range tests {
		assertFinds(t, s, cso.Query{Text: tt.text}, tt.want)
	}
}

func testSearchAllWords(t *testing.T, s cso.Store) {
	mustCreate(t, s,
		newOrg("cocuk-haklari", "Çocuk Hakları Derneği"),
		newOrg("kadin-haklari", "Kadın Hakları Derneği"),
		newOrg("cocuk-sagligi", "Çocuk Sağlığı Vakfı"),
	)

	tests := []struct {
		text string
		want []string
	}{
		{"çocuk", []string{"cocuk-haklari", "cocuk-sagligi"}},
		{"hak", []string{"cocuk-haklari", "kadin-haklari"}},
		{"çocuk hak", []string{"cocuk-haklari"}},
		{"hak çocuk", []string{"cocuk-haklari"}},
		{"kadın sağlık", []string{}},
		{"çocuk sağ", []string{"cocuk-sagligi"}},
	}
	for _, tt := range tests {
		res := mustSearch(t, s, cso.Query{Text: tt.text})
		assert.Equal(t, tt.want, slugs(res), "search %q", tt.text)
	}
}

func testSearchRanksNameFirst(t *testing.T, s cso.Store) {
	byDescription := newOrg("anadolu-goc", "Anadolu Göç Derneği")
	byDescription.Description = cso.Text{"tr": "Ücretsiz hukuk desteği verir."}

	byService := newOrg("bereket-vakfi", "Bereket Vakfı")
	byService.Services = []cso.Service{{
		Name:  cso.Text{"en": "Legal aid", "tr": "Hukuk kliniği"},
		Areas: []string{"legal_counseling"},
	}}

	byName := newOrg("zeytin-hukuk", "Zeytin Hukuk Merkezi")
	byShortName := newOrg("yesil-dernek", "Yeşil Dernek")
	byShortName.ShortName = "Hukukçular"
	mustCreate(t, s, byDescription, byService, byName, byShortName)

	// Without ranking, the alphabetical order would put anadolu-goc first.
	res := mustSearch(t, s, cso.Query{Text: "hukuk"})
	assert.Equal(t, []string{
		"yesil-dernek", "zeytin-hukuk", // names, alphabetical
		"anadolu-goc", "bereket-vakfi", // the rest, alphabetical
	}, slugs(res))

	// Every word must match the name for the first group.
	res = mustSearch(t, s, cso.Query{Text: "zeytin hukuk"})
	assert.Equal(t, []string{"zeytin-hukuk"}, slugs(res))
	res = mustSearch(t, s, cso.Query{Text: "hukuk ücretsiz"})
	assert.Equal(t, []string{"anadolu-goc"}, slugs(res))
}

func testSearchPagesAcrossGroups(t *testing.T, s cso.Store) {
	// Five organizations have the word in their name, eight only in
	// their description; names are numbered so their order is known.
	var byName, byDescription []string
	for i := 1; i <= 5; i++ {
		slug := fmt.Sprintf("hukuk-%d", i)
		byName = append(byName, slug)
		mustCreate(t, s, newOrg(slug, fmt.Sprintf("Hukuk Merkezi %d", i)))
	}
	for i := 1; i <= 8; i++ {
		slug := fmt.Sprintf("dernek-%d", i)
		byDescription = append(byDescription, slug)
		o := newOrg(slug, fmt.Sprintf("Anadolu Derneği %d", i))
		o.Description = cso.Text{"tr": "Ücretsiz hukuk danışmanlığı."}
		mustCreate(t, s, o)
	}
	want := append(byName, byDescription...)

	// Pages of three cross from the first group into the second.
	for _, limit := range []int{3, 5, 20} {
		var got []string
		q := cso.Query{Text: "hukuk", Limit: limit}
		for {
			res := mustSearch(t, s, q)
			assert.Equal(t, 13, res.Total)
			got = append(got, slugs(res)...)
			if res.NextPageToken == "" {
				break
			}
			q.PageToken = res.NextPageToken
		}
		assert.Equal(t, want, got, "pages of %d", limit)
	}
}

func testSearchFilters(t *testing.T, s cso.Store) {
	closed := withService(newOrg("kapanmis", "Kapanmış Dernek"),
		"legal_counseling", "women", "tr", 34)
	closed.Status = cso.StatusClosed
	inactive := withService(newOrg("uykuda", "Uykuda Dernek"),
		"legal_counseling", "children", "ar", 34)
	inactive.Status = cso.StatusInactive

	mustCreate(t, s,
		withService(newOrg("ist-hukuk", "İstanbul Hukuk Derneği"),
			"legal_counseling", "women", "ar", 34),
		withService(newOrg("ist-saglik", "İstanbul Sağlık Derneği"),
			"health", "women", "tr", 34),
		withService(newOrg("ank-hukuk", "Ankara Hukuk Derneği"),
			"legal_counseling", "children", "tr", 6),
		withService(withService(newOrg("genis", "Geniş Ağ Derneği"),
			"legal_counseling", "children", "fa", 6, 34),
			"education", "youth", "ar", 63),
		closed, inactive,
	)

	tests := []struct {
		name string
		q    cso.Query
		want []string
	}{
		{"province", cso.Query{Province: 34},
			[]string{"genis", "ist-hukuk", "ist-saglik", "uykuda"}},
		{"area", cso.Query{ServiceArea: "legal_counseling"},
			[]string{"ank-hukuk", "genis", "ist-hukuk", "uykuda"}},
		{"province and area", cso.Query{Province: 34, ServiceArea: "legal_counseling"},
			[]string{"genis", "ist-hukuk", "uykuda"}},
		{"province, area and group",
			cso.Query{Province: 34, ServiceArea: "legal_counseling", TargetGroup: "women"},
			[]string{"ist-hukuk"}},
		{"language", cso.Query{Language: "ar"},
			[]string{"genis", "ist-hukuk", "uykuda"}},
		{"language and province", cso.Query{Language: "tr", Province: 6},
			[]string{"ank-hukuk"}},
		// The name first, then genis, whose legal counseling is
		// "Hukuki danışmanlık" in Turkish.
		{"text and filter", cso.Query{Text: "hukuk", Province: 6},
			[]string{"ank-hukuk", "genis"}},
		{"area nobody offers", cso.Query{ServiceArea: "research"}, []string{}},
		{"nothing", cso.Query{Province: 1}, []string{}},
		{"active only", cso.Query{Province: 34, Statuses: []cso.Status{cso.StatusActive}},
			[]string{"genis", "ist-hukuk", "ist-saglik"}},
		{"closed", cso.Query{Statuses: []cso.Status{cso.StatusClosed}},
			[]string{"kapanmis"}},
		{"every status", cso.Query{
			ServiceArea: "legal_counseling", TargetGroup: "women",
			Statuses: []cso.Status{cso.StatusActive, cso.StatusInactive, cso.StatusClosed},
		}, []string{"ist-hukuk", "kapanmis"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := assertFinds(t, s, tt.q, tt.want)
			assert.Empty(t, res.NextPageToken)
		})
	}
}

func testTurkishOrder(t *testing.T, s cso.Store) {
	// Created out of order; Turkish puts Ç after C and İ after I.
	mustCreate(t, s,
		newOrg("izmir", "İzmir Göç Derneği"),
		newOrg("denizli", "Denizli Göç Derneği"),
		newOrg("isparta", "Isparta Göç Derneği"),
		newOrg("corum", "Çorum Göç Derneği"),
		newOrg("cizre", "Cizre Göç Derneği"),
		newOrg("sirnak", "Şırnak Göç Derneği"),
		newOrg("siirt", "Siirt Göç Derneği"),
	)

	want := []string{
		"cizre", "corum", "denizli", "isparta", "izmir", "siirt", "sirnak",
	}
	assert.Equal(t, want, slugs(mustSearch(t, s, cso.Query{})))
	assert.Equal(t, want, slugs(mustSearch(t, s, cso.Query{Text: "göç"})))
}

func testPagination(t *testing.T, s cso.Store) {
	var want []string
	for i := 1; i <= 25; i++ {
		slug := fmt.Sprintf("dernek-%02d", i)
		want = append(want, slug)
		mustCreate(t, s, newOrg(slug, fmt.Sprintf("Dayanışma Derneği %02d", i)))
	}

	for _, text := range []string{"", "dayanisma"} {
		var got []string
		q := cso.Query{Text: text, Limit: 10}
		for _, size := range []int{10, 10, 5} {
			res := mustSearch(t, s, q)
			assert.Len(t, res.Items, size, "page after %d", len(got))
			assert.Equal(t, 25, res.Total)
			got = append(got, slugs(res)...)

			if len(got) < 25 {
				require.NotEmpty(t, res.NextPageToken)
			} else {
				assert.Empty(t, res.NextPageToken)
			}
			q.PageToken = res.NextPageToken
		}
		assert.Equal(t, want, got, "query %q", text)
	}

	// A page of the default size holds 20.
	res := mustSearch(t, s, cso.Query{})
	assert.Len(t, res.Items, 20)
}
