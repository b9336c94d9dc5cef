package cso

import (
	"maps"
	"sync"
)

// Province is one of Turkey's 81 provinces.
type Province struct {
	// Code is the official plate code, 1 to 81 (also ISO 3166-2 TR-NN).
	Code   int    `json:"code"`
	Name   Text   `json:"name"`
	Region Region `json:"region"`
}

// Region is one of the seven geographical regions of Turkey, identified by
// a stable code such as "marmara" or "southeastern_anatolia".
type Region string

// Term is an entry of a fixed taxonomy: a service area or a target group.
type Term struct {
	Code  string `json:"code"`
	Label Text   `json:"label"`
}

// The reference tables are shared, so every function below hands out
// copies of their label maps: a caller may change what it receives.

// Provinces returns the 81 provinces in plate-code order.
func Provinces() []Province {
	ps := make([]Province, len(provinceTable))
	for i := range provinceTable {
		ps[i] = provinceTable[i].public()
	}
	return ps
}

// ProvinceByCode returns the province with the plate code.
func ProvinceByCode(code int) (Province, bool) {
	if code < 1 || code > len(provinceTable) {
		return Province{}, false
	}
	return provinceTable[code-1].public(), true
}

// ProvinceByName finds a province by its name in any language, forgiving
// case and missing diacritics ("Sanliurfa", "ŞANLIURFA").
func ProvinceByName(name string) (Province, bool) {
	code, ok := provinceNames()[Fold(name)]
	if !ok {
		return Province{}, false
	}
	return ProvinceByCode(code)
}

// RegionLabel returns the region's name in Turkish, English and Arabic.
func RegionLabel(r Region) Text {
	return maps.Clone(regionLabels[r])
}

// ServiceAreas returns the service-area taxonomy.
func ServiceAreas() []Term { return cloneTerms(serviceAreaTable) }

// ServiceArea returns the service area with the code.
func ServiceArea(code string) (Term, bool) {
	i, ok := serviceAreaIndex()[code]
	if !ok {
		return Term{}, false
	}
	return serviceAreaTable[i].clone(), true
}

// TargetGroups returns the target groups.
func TargetGroups() []Term { return cloneTerms(targetGroupTable) }

// TargetGroup returns the target group with the code.
func TargetGroup(code string) (Term, bool) {
	i, ok := targetGroupIndex()[code]
	if !ok {
		return Term{}, false
	}
	return targetGroupTable[i].clone(), true
}

// public returns the exported form of a table row.
func (p province) public() Province {
	return Province{
		Code:   p.code,
		Name:   Text{"tr": p.tr, "en": p.en, "ar": p.ar},
		Region: p.region,
	}
}

// provinceNames maps the folded names of every province, in every
// language and in ASCII, to plate codes.
var provinceNames = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, 4*len(provinceTable))
	for _, p := range provinceTable {
		for _, name := range []string{p.tr, p.en, p.ar, p.ascii} {
			m[Fold(name)] = p.code
		}
	}
	return m
})

// serviceAreaIndex and targetGroupIndex map codes to table positions.
var (
	serviceAreaIndex = sync.OnceValue(func() map[string]int {
		return termIndex(serviceAreaTable)
	})
	targetGroupIndex = sync.OnceValue(func() map[string]int {
		return termIndex(targetGroupTable)
	})
)

func termIndex(terms []Term) map[string]int {
	m := make(map[string]int, len(terms))
	for i, t := range terms {
		m[t.Code] = i
	}
	return m
}

func (t Term) clone() Term {
	return Term{Code: t.Code, Label: maps.Clone(t.Label)}
}

func cloneTerms(terms []Term) []Term {
	out := make([]Term, len(terms))
	for i, t := range terms {
		out[i] = t.clone()
	}
	return out
}
