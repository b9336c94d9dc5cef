package cso

import (
	"strings"
	"sync"
)

// labelWords are the folded labels of the reference tables, in every
// language the tables have, in tag order: the words that an
// organization's search key holds for each service area, target group
// and province it carries. They are folded once, not for every
// organization an import writes.
type labelWords struct {
	areas     map[string]string
	groups    map[string]string
	provinces [len(provinceTable)]string
}

var searchLabels = sync.OnceValue(func() *labelWords {
	w := &labelWords{
		areas:  foldTermLabels(serviceAreaTable),
		groups: foldTermLabels(targetGroupTable),
	}
	for i, p := range provinceTable {
		w.provinces[i] = foldText(p.public().Name)
	}
	return w
})

// foldTermLabels maps the code of each term to its folded label.
func foldTermLabels(terms []Term) map[string]string {
	m := make(map[string]string, len(terms))
	for _, t := range terms {
		m[t.Code] = foldText(t.Label)
	}
	return m
}

// foldText returns the folded values of t in tag order, separated by
// spaces.
func foldText(t Text) string {
	values := make([]string, 0, len(t))
	for _, tag := range t.Languages() {
		values = append(values, Fold(t[tag]))
	}
	return strings.Join(values, " ")
}

// addLabels adds the labels of the service areas, then the target
// groups, then the provinces of f. A code the tables do not hold adds
// nothing.
func (k *searchKey) addLabels(f Facets) {
	w := searchLabels()
	for _, code := range f.ServiceAreas {
		k.addFolded(w.areas[code])
	}
	for _, code := range f.TargetGroups {
		k.addFolded(w.groups[code])
	}
	for _, code := range f.Provinces {
		if code >= 1 && code <= len(w.provinces) {
			k.addFolded(w.provinces[code-1])
		}
	}
}
