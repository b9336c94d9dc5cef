package cso

import (
	"slices"
	"strings"
)

// Facets are the values an organization can be filtered by, gathered from
// its services and non-confidential offices, sorted and without repeats.
type Facets struct {
	Provinces    []int
	ServiceAreas []string
	TargetGroups []string
	Languages    []string
}

// Facets returns o's filter values. Each list is sorted, holds no repeats
// and is nil when empty. The province of a confidential office is left
// out, so a filter cannot reveal where a shelter is.
func (o *Organization) Facets() Facets {
	var f Facets
	if o == nil {
		return f
	}

	for _, svc := range o.Services {
		f.Provinces = append(f.Provinces, svc.Provinces...)
		f.ServiceAreas = append(f.ServiceAreas, svc.Areas...)
		f.TargetGroups = append(f.TargetGroups, svc.TargetGroups...)
		f.Languages = append(f.Languages, svc.Languages...)
	}
	for _, off := range o.Offices {
		if !off.Confidential {
			f.Provinces = append(f.Provinces, off.Province)
		}
	}

	f.Provinces = sortedSet(f.Provinces, 0)
	f.ServiceAreas = sortedSet(f.ServiceAreas, "")
	f.TargetGroups = sortedSet(f.TargetGroups, "")
	f.Languages = sortedSet(f.Languages, "")
	return f
}

// BaseLanguage returns the language of a BCP 47 tag without its script,
// region or variants: "ar" for "ar-SY", "zh" for "zh-Hant-TW". A tag of a
// language alone, and one that does not parse, come back as they are.
// A search for services in a language uses it: a filter of "ar-SY" finds
// services in "ar-SY" and in "ar", and one of "ar" services in any
// variant of Arabic.
func BaseLanguage(tag string) string {
	t, err := parseTag(tag)
	if err != nil {
		return tag
	}

	base, _ := t.Base()
	if base.String() == "und" {
		return tag
	}
	return base.String()
}

// sortedSet sorts list and drops repeats and zero values; it returns nil
// when nothing is left.
func sortedSet[T int | string](list []T, zero T) []T {
	list = slices.DeleteFunc(list, func(v T) bool { return v == zero })
	if len(list) == 0 {
		return nil
	}
	slices.Sort(list)
	return slices.Compact(list)
}

// SearchKeys returns o's folded search text: its names (the Turkish
// name, the short name, then every other language) and the rest.
// Confidential offices contribute nothing.
//
// The rest holds the descriptions, each service's name, description and
// eligibility, and the names, districts and addresses of the
// non-confidential offices, so that a search for "çankaya" finds an
// organization with an office there. The labels of the service areas,
// target groups and provinces of o's facets are not in the keys: a
// search finds them through LabelFacets and the facets.
//
// Each key lists a word once, where it first appears; texts are read in
// language tag order, so the keys are stable. The Turkish name, which
// every organization has, comes first, so that an index that keeps only
// the first words of a very long key still finds the organization by it.
func (o *Organization) SearchKeys() (names, rest string) {
	if o == nil {
		return "", ""
	}

	var nk searchKey
	nk.add(o.Name["tr"])
	nk.add(o.ShortName)
	nk.addText(o.Name)

	var rk searchKey
	rk.addText(o.Description)
	for _, svc := range o.Services {
		rk.addText(svc.Name)
		rk.addText(svc.Description)
		rk.addText(svc.Eligibility)
	}
	for _, off := range o.Offices {
		if !off.Confidential {
			rk.addText(off.Name)
			rk.add(off.District)
			rk.add(off.Address)
		}
	}
	return nk.String(), rk.String()
}

// searchKey gathers distinct folded words, separated by single spaces.
type searchKey struct {
	b    strings.Builder
	seen map[string]bool
}

// addText adds the words of every language of t, in tag order.
func (k *searchKey) addText(t Text) {
	for _, tag := range t.Languages() {
		k.add(t[tag])
	}
}

// add adds the words of s that k does not hold yet.
func (k *searchKey) add(s string) {
	if k.seen == nil {
		k.seen = make(map[string]bool)
	}

	for w := range strings.FieldsSeq(Fold(s)) {
		if k.seen[w] {
			continue
		}
		k.seen[w] = true

		if k.b.Len() > 0 {
			k.b.WriteByte(' ')
		}
		k.b.WriteString(w)
	}
}

// String returns the gathered words.
func (k *searchKey) String() string { return k.b.String() }
