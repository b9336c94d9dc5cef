package cso_test

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
)

func TestFoldDropsArabicArticle(t *testing.T) {
	tests := []struct {
		name, with, without string
	}{
		{"al-", "التعليم", "تعليم"},
		{"al- before lam", "اللاجئين", "لاجئين"},
		{"wa-al-", "والصحة", "صحه"},
		{"bi-al-", "بالعربية", "عربيه"},
		{"li-al-", "للأطفال", "اطفال"},
		{"in a phrase", "الدعم النفسي", "دعم نفسي"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, cso.Fold(tt.without), cso.Fold(tt.with))
		})
	}
}

func TestFoldKeepsShortArabicWords(t *testing.T) {
	// "بالغ" (adult) and "الم" (pain) are too short to carry an article.
	assert.Equal(t, "بالغ", cso.Fold("بالغ"))
	assert.Equal(t, "الم", cso.Fold("ألم"))
}
