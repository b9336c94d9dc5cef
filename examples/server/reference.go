package main

import (
	"errors"
	"net/http"

	"golang.org/x/text/language"

	"github.com/musterekproje/musterek/cso"
)

// answerLanguages are the languages of the reference tables' labels.
var answerLanguages = language.NewMatcher([]language.Tag{
	language.Turkish, language.English, language.Arabic,
})

// anyLanguage is the tag that "*" in an Accept-Language header stands
// for: it leaves the choice to us.
var anyLanguage = language.Make("mul")

// answerLanguage returns the base language to answer r in: the best
// match of the lang parameter and then the Accept-Language header; English
// when they ask only for languages we have no labels in; Turkish when they
// ask for none. A lang parameter that is no language tag is refused; an
// Accept-Language header that cannot be read is ignored, as browsers send
// it unasked.
func answerLanguage(r *http.Request) (string, error) {
	var asked []language.Tag
	if lang := r.URL.Query().Get("lang"); lang != "" {
		tag, err := language.Parse(lang)
		var unknown language.ValueError
		if len(lang) > cso.MaxLanguageTag || (err != nil && !errors.As(err, &unknown)) {
			return "", badRequest("lang", "must be a language tag such as tr, en or ar")
		}
		asked = append(asked, tag)
	}
	header, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	for _, tag := range header {
		if tag != anyLanguage {
			asked = append(asked, tag)
		}
	}

	if len(asked) == 0 {
		return "tr", nil
	}
	tag, _, confidence := answerLanguages.Match(asked...)
	if confidence == language.No {
		return "en", nil
	}
	base, _ := tag.Base()
	return base.String(), nil
}

// labelList is the answer of every reference table: its items' labels are
// in lang, written in the direction dir ("ltr" or "rtl").
type labelList[T any] struct {
	Lang  string `json:"lang"`
	Dir   string `json:"dir"`
	Items []T    `json:"items"`
}

// newLabelList returns an empty list for r's language, and marks the
// answer as depending on that choice. It refuses a lang parameter given
// more than once or that is no language tag.
func newLabelList[T any](w http.ResponseWriter, r *http.Request) (labelList[T], error) {
	bad := map[string]string{}
	checkOnce(r.URL.Query(), bad, "lang")
	if err := paramError(bad); err != nil {
		return labelList[T]{}, err
	}

	lang, err := answerLanguage(r)
	if err != nil {
		return labelList[T]{}, err
	}
	dir := "ltr"
	if cso.IsRightToLeft(lang) {
		dir = "rtl"
	}

	w.Header().Set("Content-Language", lang)
	w.Header().Add("Vary", "Accept-Language")
	return labelList[T]{Lang: lang, Dir: dir, Items: []T{}}, nil
}

// provinceLabel is a province with its name in one language.
type provinceLabel struct {
	Code   int         `json:"code"`
	Name   string      `json:"name"`
	Region regionLabel `json:"region"`
}

// regionLabel is a region with its name in one language.
type regionLabel struct {
	Code cso.Region `json:"code"`
	Name string     `json:"name"`
}

// provinces answers GET /api/v1/provinces.
func (s *server) provinces(w http.ResponseWriter, r *http.Request) {
	list, err := newLabelList[provinceLabel](w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	for _, p := range cso.Provinces() {
		list.Items = append(list.Items, provinceLabel{
			Code: p.Code,
			Name: p.Name.In(list.Lang).Value,
			Region: regionLabel{
				Code: p.Region,
				Name: cso.RegionLabel(p.Region).In(list.Lang).Value,
			},
		})
	}
	s.writeReference(w, r, list)
}

// termLabel is a taxonomy term with its label in one language.
type termLabel struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// terms returns the handler of a taxonomy: service areas or target groups.
func (s *server) terms(taxonomy func() []cso.Term) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		list, err := newLabelList[termLabel](w, r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		for _, t := range taxonomy() {
			list.Items = append(list.Items, termLabel{t.Code, t.Label.In(list.Lang).Value})
		}
		s.writeReference(w, r, list)
	}
}

// writeReference answers with a reference table, which changes only with
// a new release and so may be cached for a day.
func (s *server) writeReference(w http.ResponseWriter, r *http.Request, v any) {
	w.Header().Set("Cache-Control", "public, max-age=86400")
	if err := writeJSON(w, http.StatusOK, v); err != nil {
		s.writeError(w, r, err)
	}
}
