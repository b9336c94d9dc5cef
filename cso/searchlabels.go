package cso

import (
	"strings"
	"sync"
)

// labelWord is one folded word of the label of a service area, target
// group or province, in one language of the reference tables, with the
// code it names.
type labelWord struct {
	word     string
	area     string
	group    string
	province int
}

// labelVocabulary holds the words of every label of the reference tables,
// folded once.
var labelVocabulary = sync.OnceValue(func() []labelWord {
	var words []labelWord
	for _, t := range serviceAreaTable {
		for _, w := range foldedWords(t.Label) {
			words = append(words, labelWord{word: w, area: t.Code})
		}
	}
	for _, t := range targetGroupTable {
		for _, w := range foldedWords(t.Label) {
			words = append(words, labelWord{word: w, group: t.Code})
		}
	}
	for _, p := range provinceTable {
		for _, w := range foldedWords(p.public().Name) {
			words = append(words, labelWord{word: w, province: p.code})
		}
	}
	return words
})

// foldedWords returns the folded words of every language of t.
func foldedWords(t Text) []string {
	var words []string
	for _, tag := range t.Languages() {
		words = append(words, strings.Fields(Fold(t[tag]))...)
	}
	return words
}

// LabelFacets returns the service areas, target groups and provinces
// whose label, in Turkish, English or Arabic, has a word that starts
// with term, a folded word such as Terms returns: "cocuk" names the
// target group children (Çocuklar) and the service area child protection
// (Çocuk koruma), "istanbul" and "اسطنبول" the province 34. A search
// matches the labels of an organization's facets through it, so that the
// search keys need not hold them. A term of one letter names only the
// labels that have it as a word of their own, not the dozens with a word
// that starts with it. The lists are sorted, without repeats, and nil
// when empty; Languages is always nil.
func LabelFacets(term string) Facets {
	var f Facets
	if term == "" {
		return f
	}

	whole := len([]rune(term)) < minLabelPrefix
	for _, w := range labelVocabulary() {
		if whole && w.word != term || !strings.HasPrefix(w.word, term) {
			continue
		}
		switch {
		case w.area != "":
			f.ServiceAreas = append(f.ServiceAreas, w.area)
		case w.group != "":
			f.TargetGroups = append(f.TargetGroups, w.group)
		default:
			f.Provinces = append(f.Provinces, w.province)
		}
	}

	f.Provinces = sortedSet(f.Provinces, 0)
	f.ServiceAreas = sortedSet(f.ServiceAreas, "")
	f.TargetGroups = sortedSet(f.TargetGroups, "")
	return f
}

// minLabelPrefix is the length, in runes, from which a term names the
// labels with a word that starts with it.
const minLabelPrefix = 2
