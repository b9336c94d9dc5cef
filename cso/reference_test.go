package cso_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

func TestProvincesAreTheEightyOne(t *testing.T) {
	ps := cso.Provinces()
	require.Len(t, ps, 81)

	for i, p := range ps {
		assert.Equal(t, i+1, p.Code, "plate-code order")
		for _, lang := range []string{"tr", "en", "ar"} {
			assert.NotEmpty(t, p.Name[lang], "province %d in %s", p.Code, lang)
		}
		assert.NotEmpty(t, cso.RegionLabel(p.Region)["en"],
			"province %d has a known region", p.Code)
	}
}

// The number of provinces in each region, as drawn in 1941.
func TestRegionsHoldTheirProvinces(t *testing.T) {
	want := map[cso.Region]int{
		cso.RegionMarmara:              11,
		cso.RegionAegean:               8,
		cso.RegionMediterranean:        8,
		cso.RegionCentralAnatolia:      13,
		cso.RegionBlackSea:             18,
		cso.RegionEasternAnatolia:      14,
		cso.RegionSoutheasternAnatolia: 9,
	}

	got := map[cso.Region]int{}
	for _, p := range cso.Provinces() {
		got[p.Region]++
	}
	assert.Equal(t, want, got)
}

func TestProvinceByCodeKnownFacts(t *testing.T) {
	tests := []struct {
		code       int
		tr, en, ar string
		region     cso.Region
	}{
		{1, "Adana", "Adana", "أضنة", cso.RegionMediterranean},
		{6, "Ankara", "Ankara", "أنقرة", cso.RegionCentralAnatolia},
		{27, "Gaziantep", "Gaziantep", "غازي عنتاب", cso.RegionSoutheasternAnatolia},
		{31, "Hatay", "Hatay", "هاتاي", cso.RegionMediterranean},
		{33, "Mersin", "Mersin", "مرسين", cso.RegionMediterranean},
		{34, "İstanbul", "Istanbul", "إسطنبول", cso.RegionMarmara},
		{35, "İzmir", "Izmir", "إزمير", cso.RegionAegean},
		{47, "Mardin", "Mardin", "ماردين", cso.RegionSoutheasternAnatolia},
		{63, "Şanlıurfa", "Şanlıurfa", "شانلي أورفا", cso.RegionSoutheasternAnatolia},
		{65, "Van", "Van", "وان", cso.RegionEasternAnatolia},
		{79, "Kilis", "Kilis", "كلس", cso.RegionSoutheasternAnatolia},
		{81, "Düzce", "Düzce", "دوزجه", cso.RegionBlackSea},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			p, ok := cso.ProvinceByCode(tt.code)
			require.True(t, ok)
			assert.Equal(t, tt.code, p.Code)
			assert.Equal(t, cso.Text{"tr": tt.tr, "en": tt.en, "ar": tt.ar}, p.Name)
			assert.Equal(t, tt.region, p.Region)
		})
	}
}

func TestProvinceByCodeOutOfRange(t *testing.T) {
	for _, code := range []int{-1, 0, 82, 100} {
		_, ok := cso.ProvinceByCode(code)
		assert.False(t, ok, "code %d", code)
	}
}

func TestProvinceByNameForgivesCaseAndMarks(t *testing.T) {
	tests := []struct {
		name string
		code int
	}{
		{"İstanbul", 34},
		{"Istanbul", 34},
		{"ISTANBUL", 34},
		{"istanbul", 34},
		{"إسطنبول", 34},
		{"اسطنبول", 34},
		{"Şanlıurfa", 63},
		{"Sanliurfa", 63},
		{"ŞANLIURFA", 63},
		{"sanlıurfa", 63},
		{"شانلي أورفا", 63},
		{"gaziantep", 27},
		{"غازي عنتاب", 27},
		{"  Kahramanmaraş ", 46},
		{"Igdir", 76},
		{"IĞDIR", 76},
		{"izmir", 35},
		{"إزمير", 35},
		{"ازمير", 35},
		{"أنقرة", 6},
		{"انقره", 6},
		{"Çanakkale", 17},
		{"canakkale", 17},
		{"Düzce", 81},
		{"duzce", 81},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := cso.ProvinceByName(tt.name)
			require.True(t, ok)
			assert.Equal(t, tt.code, p.Code)
		})
	}
}

func TestProvinceByNameUnknown(t *testing.T) {
	for _, name := range []string{"", "Aleppo", "İstanbull", "34"} {
		_, ok := cso.ProvinceByName(name)
		assert.False(t, ok, "name %q", name)
	}
}

func TestRegionLabel(t *testing.T) {
	assert.Equal(t, cso.Text{
		"tr": "Güneydoğu Anadolu Bölgesi",
		"en": "Southeastern Anatolia Region",
		"ar": "منطقة جنوب شرق الأناضول",
	}, cso.RegionLabel(cso.RegionSoutheasternAnatolia))
	assert.Equal(t, "Marmara Bölgesi", cso.RegionLabel("marmara")["tr"])
	assert.Empty(t, cso.RegionLabel("atlantis"))
}

func TestServiceAreaCodes(t *testing.T) {
	want := []string{
		"health", "sheltering", "psychosocial_support", "legal_counseling",
		"education", "livelihoods", "protection", "child_protection", "gbv",
		"basic_needs", "social_cohesion", "information_counseling",
		"advocacy", "research", "capacity_building", "culture_arts",
	}
	assert.Equal(t, want, termCodes(cso.ServiceAreas()))
	assertLabelled(t, cso.ServiceAreas())
}

func TestTargetGroupCodes(t *testing.T) {
	want := []string{
		"temporary_protection", "international_protection", "migrants",
		"women", "children", "youth", "lgbti", "disabilities",
		"older_people", "host_community", "seasonal_workers", "detained",
		"professionals",
	}
	assert.Equal(t, want, termCodes(cso.TargetGroups()))
	assertLabelled(t, cso.TargetGroups())
}

func TestTermLookup(t *testing.T) {
	area, ok := cso.ServiceArea("psychosocial_support")
	require.True(t, ok)
	assert.Equal(t, cso.Text{
		"tr": "Psikososyal destek",
		"en": "Psychosocial support",
		"ar": "الدعم النفسي والاجتماعي",
	}, area.Label)

	gbv, ok := cso.ServiceArea("gbv")
	require.True(t, ok)
	assert.Equal(t, "Gender-based violence", gbv.Label["en"])
	assert.Equal(t, "Toplumsal cinsiyete dayalı şiddet", gbv.Label["tr"])

	group, ok := cso.TargetGroup("temporary_protection")
	require.True(t, ok)
	assert.Equal(t, "Geçici koruma altındaki kişiler", group.Label["tr"])
	assert.Equal(t, "People under temporary protection", group.Label["en"])

	lgbti, ok := cso.TargetGroup("lgbti")
	require.True(t, ok)
	assert.Equal(t, "LGBTİ+ bireyler", lgbti.Label["tr"])

	for _, code := range []string{"", "Health", "shelter", "refugees"} {
		_, ok := cso.ServiceArea(code)
		assert.False(t, ok, "service area %q", code)
		_, ok = cso.TargetGroup(code)
		assert.False(t, ok, "target group %q", code)
	}
}

// A caller that changes what it received must not change the tables.
func TestReferenceTablesHandOutCopies(t *testing.T) {
	p, _ := cso.ProvinceByCode(34)
	p.Name["en"] = "Constantinople"
	cso.Provinces()[33].Name["tr"] = "Bizans"
	cso.RegionLabel(cso.RegionMarmara)["en"] = "Propontis"
	area, _ := cso.ServiceArea("health")
	area.Label["en"] = "Wellness"
	cso.TargetGroups()[0].Label["en"] = "Syrians"

	again, _ := cso.ProvinceByCode(34)
	assert.Equal(t, "Istanbul", again.Name["en"])
	assert.Equal(t, "İstanbul", again.Name["tr"])
	assert.Equal(t, "Marmara Region", cso.RegionLabel(cso.RegionMarmara)["en"])
	health, _ := cso.ServiceArea("health")
	assert.Equal(t, "Health", health.Label["en"])
	assert.Equal(t, "People under temporary protection",
		cso.TargetGroups()[0].Label["en"])
}

func termCodes(terms []cso.Term) []string {
	codes := make([]string, len(terms))
	for i, term := range terms {
		codes[i] = term.Code
	}
	return codes
}

func assertLabelled(t *testing.T, terms []cso.Term) {
	t.Helper()
	for _, term := range terms {
		for _, lang := range []string{"tr", "en", "ar"} {
			assert.NotEmpty(t, term.Label[lang], "%s in %s", term.Code, lang)
		}
	}
}

// No two provinces share a folded name, so every name finds its own.
func TestEveryProvinceNameFindsItsProvince(t *testing.T) {
	for _, p := range cso.Provinces() {
		for lang, name := range p.Name {
			got, ok := cso.ProvinceByName(name)
			require.True(t, ok, "%s name %q", lang, name)
			assert.Equal(t, p.Code, got.Code, "%s name %q", lang, name)
		}
	}
}
