package cso_test

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
)

// TestLabelFacets checks the facets named by words of their labels, as
// read from the tables: Çocuklar and Çocuk koruma; Koruma, Çocuk koruma,
// Geçici koruma and Uluslararası koruma; Kars, Karaman and Karabük;
// Sağlık and الصحة; İstanbul and إسطنبول.
func TestLabelFacets(t *testing.T) {
	tests := []struct {
		text string
		want cso.Facets
	}{
		{"çocuk", cso.Facets{
			ServiceAreas: []string{"child_protection"},
			TargetGroups: []string{"children"},
		}},
		{"koruma", cso.Facets{
			ServiceAreas: []string{"child_protection", "protection"},
			TargetGroups: []string{"international_protection", "temporary_protection"},
		}},
		{"KAR", cso.Facets{Provinces: []int{36, 70, 78}}},
		{"Sağlık", cso.Facets{ServiceAreas: []string{"health"}}},
		{"الصحة", cso.Facets{ServiceAreas: []string{"health"}}},
		{"children", cso.Facets{TargetGroups: []string{"children"}}},
		{"İstanbul", cso.Facets{Provinces: []int{34}}},
		{"إسطنبول", cso.Facets{Provinces: []int{34}}},
		{"istanbulu", cso.Facets{}},
		{"dernek", cso.Facets{}},
	}
	for _, tt := range tests {
		terms := cso.Terms(tt.text)
		assert.Len(t, terms, 1, "terms of %q", tt.text)
		assert.Equal(t, tt.want, cso.LabelFacets(terms[0]), "facets of %q", tt.text)
	}
}

// TestLabelFacetsOfOneLetter checks that a word of one letter, which
// starts words of dozens of labels (Adana, Ankara, Advocacy, Araştırma;
// in Arabic most names after the article), names none of them: no label
// has a word of one letter. Two letters name those they start: he only
// Health.
func TestLabelFacetsOfOneLetter(t *testing.T) {
	for _, term := range []string{"a", "k", "ا", ""} {
		assert.Equal(t, cso.Facets{}, cso.LabelFacets(term), "facets of %q", term)
	}

	assert.Equal(t, cso.Facets{ServiceAreas: []string{"health"}},
		cso.LabelFacets("he"))
}
