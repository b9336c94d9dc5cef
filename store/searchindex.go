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

// The search keys of an organization hold together at most
// maxSearchKeys bytes, and its name key at most maxNameKey of them.
// PostgreSQL refuses to index a tsvector whose distinct words take 1 MiB
// or more, which the text of a valid organization can fold to: a
// service description alone may hold 5,000 characters in each of many
// languages, and a compatibility character such as "㌖" folds to six
// letters. The words past the budget are left out of the keys on both
// dialects, so that a search finds the same organizations on both.
const (
	maxSearchKeys = 768 << 10
	maxNameKey    = 256 << 10
)

// indexKeys returns the name, rest and facet keys of o. The facet key is
// never cut, so that filters stay exact; the name key begins with the
// Turkish name, which its bound therefore keeps; the rest key holds what
// the other two leave of maxSearchKeys.
func indexKeys(o *cso.Organization) (name, rest, facets string) {
	names, others := o.SearchKeys()
	facets = facetKey(o.Facets(), o.Status)
	name = searchKey(names, maxNameKey)
	rest = searchKey(others, maxSearchKeys-len(facets)-len(name))
	return name, rest, facets
}

// searchKey returns the first folded words of key that fit in budget
// bytes, separated by single spaces, without those too long to index.
func searchKey(key string, budget int) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(key) {
		if len(w) > maxKeyWord {
			continue
		}

		size := len(w)
		if b.Len() > 0 {
			size++
		}
		if b.Len()+size > budget {
			break
		}

		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
