package cso

import "sort"

// Text is a string in several languages, keyed by BCP 47 tag ("tr", "en",
// "ar", …). Turkish is the directory's primary language.
type Text map[string]string

// Localized is one language's version of a Text, as chosen by Text.In.
type Localized struct {
	// Value is the text itself.
	Value string `json:"value"`

	// Lang is the language the value is in.
	Lang string `json:"lang"`

	// Fallback is true when Lang is not the language asked for.
	Fallback bool `json:"fallback,omitempty"`
}

// In returns the text in lang, falling back to English, then Turkish,
// then any language present (in tag order, so the choice is stable). It
// returns the zero Localized when t is empty.
func (t Text) In(lang string) Localized {
	base := baseLanguage(lang)
	if v := t[base]; v != "" {
		return Localized{Value: v, Lang: base}
	}

	for _, fb := range []string{"en", "tr"} {
		if v := t[fb]; v != "" {
			return Localized{Value: v, Lang: fb, Fallback: true}
		}
	}

	for _, tag := range t.Languages() {
		if v := t[tag]; v != "" {
			return Localized{Value: v, Lang: tag, Fallback: true}
		}
	}
	return Localized{}
}

// Languages returns the tags that have a non-empty value, sorted.
func (t Text) Languages() []string {
	tags := make([]string, 0, len(t))
	for tag, v := range t {
		if v != "" {
			tags = append(tags, tag)
		}
	}
	sort.Strings(tags)
	return tags
}

// Equal reports whether t and u hold the same non-empty values.
func (t Text) Equal(u Text) bool {
	a, b := t.Languages(), u.Languages()
	if len(a) != len(b) {
		return false
	}
	for _, tag := range a {
		if t[tag] != u[tag] {
			return false
		}
	}
	return true
}

// IsRightToLeft reports whether lang is written right to left.
func IsRightToLeft(lang string) bool {
	switch baseLanguage(lang) {
	case "ar", "fa", "ur", "he", "ps", "ckb", "yi", "dv":
		return true
	}
	return false
}

// baseLanguage reduces a tag such as "ar-SY" or "tr-TR" to its base
// language; an unparsable tag is returned as given.
func baseLanguage(lang string) string {
	tag, err := parseTag(lang)
	if err != nil {
		return lang
	}
	base, _ := tag.Base()
	return base.String()
}
