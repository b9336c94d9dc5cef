package cso_test

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

// turkishOrder is a list of provinces and towns in the order of the Turkish
// alphabet: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z.
var turkishOrder = []string{
	"Adana",
	"Afyonkarahisar",
	"Ağrı",
	"Ankara",
	"Antalya",
	"Artvin",
	"Aydın",
	"Batman",
	"Bursa",
	"Ceyhan",
	"Çanakkale",
	"Çankırı",
	"Çorum",
	"Denizli",
	"Düzce",
	"Gaziantep",
	"Giresun",
	"Gümüşhane",
	"Hakkari",
	"Hatay",
	"Iğdır",
	"Isparta",
	"İstanbul",
	"İzmir",
	"Kırıkkale",
	"Kırklareli",
	"Kırşehir",
	"Kilis",
	"Kocaeli",
	"Konya",
	"Kütahya",
	"Muğla",
	"Muş",
	"Nevşehir",
	"Niğde",
	"Ordu",
	"Osmaniye",
	"Ödemiş",
	"Sakarya",
	"Samsun",
	"Siirt",
	"Sinop",
	"Sivas",
	"Şanlıurfa",
	"Şırnak",
	"Tekirdağ",
	"Uşak",
	"Ünye",
	"Van",
	"Yalova",
	"Zonguldak",
}

func sortByKey(names []string) {
	slices.SortFunc(names, func(a, b string) int {
		return bytes.Compare(cso.SortKey(a), cso.SortKey(b))
	})
}

func TestSortKeyTurkishAlphabet(t *testing.T) {
	names := slices.Clone(turkishOrder)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(names), func(i, j int) {
		names[i], names[j] = names[j], names[i]
	})
	require.NotEqual(t, turkishOrder, names)

	sortByKey(names)

	assert.Equal(t, turkishOrder, names)
}

func TestSortKeyPairs(t *testing.T) {
	tests := []struct {
		name        string
		first, then string
	}{
		{"c before ç", "cz", "ça"},
		{"ç before d", "çz", "da"},
		{"g before ğ", "gz", "ğa"},
		{"ğ before h", "ğz", "ha"},
		{"dotless before dotted", "ız", "ia"},
		{"I is dotless", "Iz", "İa"},
		{"o before ö", "oz", "öa"},
		{"s before ş", "sz", "şa"},
		{"u before ü", "uz", "üa"},
		{"case is secondary to letters", "ankara", "Antalya"},
		{"upper case letters too", "ANKARA", "antalya"},
		{"shorter prefix first", "Kar", "Kars"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := cso.SortKey(tt.first), cso.SortKey(tt.then)
			assert.Negative(t, bytes.Compare(a, b))
		})
	}
}

func TestSortKeyIsStable(t *testing.T) {
	a := cso.SortKey("Şanlıurfa")
	_ = cso.SortKey("Zonguldak")
	b := cso.SortKey("Şanlıurfa")

	assert.Equal(t, a, b)
	assert.NotEmpty(t, a)
}

func TestSortKeyConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	results := make([][]string, 8)
	for i := range results {
		wg.Go(func() {
			names := slices.Clone(turkishOrder)
			slices.Reverse(names)
			for range 20 {
				sortByKey(names)
			}
			results[i] = names
		})
	}
	wg.Wait()

	for _, names := range results {
		assert.Equal(t, turkishOrder, names)
	}
}

func BenchmarkSortKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		cso.SortKey("Sığınmacılar ve Göçmenlerle Dayanışma Derneği")
	}
}
