package store

import (
	"strconv"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// The facets an organization is filtered by. A service in a language
// gives the token of facetLanguage for its tag and for the tag's base
// language, so that a filter of "ar" finds services in "ar-SY"; a service
// in a base language alone also gives that of facetAnyRegion, so that a
// filter of "ar-SY" finds it (see languageFacet).
const (
	facetProvince    = "province"
	facetServiceArea = "service_area"
	facetTargetGroup = "target_group"
	facetLanguage    = "language"
	facetAnyRegion   = "language_any_region"
	facetStatus      = "status"
)

// maxKeyWord is the longest word kept in a search key, in bytes. Longer
// "words" are not words anyone types, and PostgreSQL refuses lexemes
// past 2 kB.
const maxKeyWord = 100

// facetToken returns the word of the search index that says an
// organization has the value of a facet, such as "#province=34". Folded
// words hold only letters, digits and marks, so no text a person types
// matches a facet token, not even as a prefix.
func facetToken(facet, value string) string {
	return "#" + facet + "=" + value
}

// facetKey returns the facet tokens of an organization with the facets
// and the status, separated by spaces, each once. The search index holds
// them next to the words, so that filters and text are matched in one
// lookup.
func facetKey(f cso.Facets, status cso.Status) string {
	var tokens []string
	seen := make(map[string]bool)
	add := func(facet, value string) {
		if t := facetToken(facet, value); !seen[t] {
			seen[t] = true
			tokens = append(tokens, t)
		}
	}

	for _, p := range f.Provinces {
		add(facetProvince, strconv.Itoa(p))
	}
	for _, v := range f.ServiceAreas {
		add(facetServiceArea, v)
	}
	for _, v := range f.TargetGroups {
		add(facetTargetGroup, v)
	}
	for _, v := range f.Languages {
		add(facetLanguage, v)
		if base := cso.BaseLanguage(v); base != v {
			add(facetLanguage, base)
		} else {
			add(facetAnyRegion, v)
		}
	}
	add(facetStatus, string(status))
	return strings.Join(tokens, " ")
}

// searchKey returns the folded words of key without those too long to
// index.
func searchKey(key string) string {
	words := strings.Fields(key)
	kept := words[:0]
	for _, w := range words {
		if len(w) <= maxKeyWord {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}
