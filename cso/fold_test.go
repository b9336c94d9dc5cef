package cso_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

func TestFoldTurkish(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"cocuk", "cocuk"},
		{"ÇOCUK", "cocuk"},
		{"çocuk", "cocuk"},
		{"Çocuk", "cocuk"},
		{"SIGINMACI", "siginmaci"},
		{"SIĞINMACI", "siginmaci"},
		{"Sığınmacı", "siginmaci"},
		{"sığınmacı", "siginmaci"},
		{"sıgınmacı", "siginmaci"},
		{"İSTANBUL", "istanbul"},
		{"İstanbul", "istanbul"},
		{"istanbul", "istanbul"},
		{"Istanbul", "istanbul"},
		{"ISTANBUL", "istanbul"},
		{"ĞÜŞİÖÇ ğüşıöç", "gusioc gusioc"},
		{"Mülteci-Der", "multeci der"},
		{"  Kadın'ın   hakları!  ", "kadin in haklari"},
		{"Göç (İdaresi) / 2024", "goc idaresi 2024"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cso.Fold(tt.in), "Fold(%q)", tt.in)
	}
}

func TestFoldOtherLatin(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Straße", "strasse"},
		{"Æther Ørsted", "aether orsted"},
		{"Đorđe Łódź", "dorde lodz"},
		{"Café Noël", "cafe noel"},
		{"Ǆ ﬁle", "dz file"},
		{"ＡＢＣ１２", "abc12"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cso.Fold(tt.in), "Fold(%q)", tt.in)
	}
}

func TestFoldArabicSpellingsMatch(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string
	}{
		{"alef with hamza above", "أطفال", "اطفال", "اطفال"},
		{"alef with hamza below", "إسلام", "اسلام", "اسلام"},
		{"alef with madda", "آمنة", "امنه", "امنه"},
		{"alef wasla", "ٱلله", "الله", "الله"},
		{"waw with hamza", "مؤسسة", "موسسه", "موسسه"},
		{"yeh with hamza", "لاجئ", "لاجي", "لاجي"},
		{"teh marbuta", "مدرسة", "مدرسه", "مدرسه"},
		{"alef maksura", "مستشفى", "مستشفي", "مستشفي"},
		{"tashkeel", "مُسْتَشْفَى", "مستشفي", "مستشفي"},
		{"tatweel", "مـدرسة", "مدرسه", "مدرسه"},
		{"persian yeh and kaf", "کودکی", "كودكي", "كودكي"},
		{"presentation forms", "ﻣﺪﺭﺳﺔ", "مدرسة", "مدرسه"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cso.Fold(tt.a))
			assert.Equal(t, tt.want, cso.Fold(tt.b))
		})
	}
}

func TestFoldDigits(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"٣٤", "34"},
		{"۰۱۲۳۴۵۶۷۸۹", "0123456789"},
		{"٠١٢٣٤٥٦٧٨٩", "0123456789"},
		{"رقم ١٢", "رقم 12"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cso.Fold(tt.in), "Fold(%q)", tt.in)
	}
}

func TestFoldSeparators(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"—!?.,", ""},
		{"a\u00a0b\tc\nd", "a b c d"},
		{"soft\u00adhyphen", "softhyphen"},
		{"مدرسة، مستشفى؟", "مدرسه مستشفي"},
		{"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
			"\u0645\u064a\u062e\u0648\u0627\u0647\u0645"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cso.Fold(tt.in), "Fold(%q)", tt.in)
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank", "  \t ", []string{}},
		{"punctuation only", "--", []string{}},
		{"one word", "Çocuk", []string{"cocuk"}},
		{"repeats after folding",
			"ÇOCUK çocuk Sığınmacı cocuk SIGINMACI",
			[]string{"cocuk", "siginmaci"}},
		{"at most ten",
			"a b c d e f g h i j k l",
			[]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}},
		{"ten distinct after repeats",
			"a a b c d e f g h i j k",
			[]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cso.Terms(tt.in)
			assert.NotNil(t, got)
			assert.Equal(t, tt.want, got)
		})
	}
}

func BenchmarkFold(b *testing.B) {
	name := "Sığınmacılar ve Göçmenlerle Dayanışma Derneği"
	inputs := []struct{ name, in string }{
		{"turkish", name},
		{"ascii", "Refugee Support Association"},
		{"arabic", "جمعية التضامن مع طالبي اللجوء والمهاجرين"},
		{"long", strings.Repeat(name+" ", 20)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cso.Fold(in.in)
			}
		})
	}
}
