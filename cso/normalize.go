package cso

import (
	"strings"
	"unicode"
)

// Normalize tidies o before validation: it trims text, stores phone
// numbers in E.164, adds https:// to bare domains, writes registry
// identifiers, postal codes and language tags in canonical form, and
// sorts lists and drops their empty and repeated entries.
//
// It never guesses. A value it cannot understand is left for Validate to
// report, and a list that holds one keeps every entry where the caller
// put it, so that errors name entries by the index they were sent at. A
// list of more entries than Validate allows is left as sent, repeats
// included. A text with two different values under tags of one language,
// such as "tr" and "TR", keeps both tags, for Validate to report.
func (o *Organization) Normalize() {
	if o == nil {
		return
	}

	o.Slug = strings.TrimSpace(o.Slug)
	o.Name = normalizeText(o.Name)
	o.ShortName = collapseSpaces(o.ShortName)
	o.Kind = Kind(strings.ToLower(strings.TrimSpace(string(o.Kind))))
	o.Description = normalizeText(o.Description)

	o.Website = NormalizeURL(o.Website)
	o.Email = strings.ToLower(strings.TrimSpace(o.Email))
	o.Phones = normalizePhones(o.Phones)
	o.SocialLinks = normalizeLinks(o.SocialLinks)
	o.RegistryID = NormalizeRegistryID(o.RegistryID)

	o.Status = Status(strings.ToLower(strings.TrimSpace(string(o.Status))))
	if o.Status == "" {
		o.Status = StatusActive
	}

	for i := range o.Offices {
		o.Offices[i].normalize()
	}
	for i := range o.Services {
		o.Services[i].normalize()
	}
}

func (off *Office) normalize() {
	off.Name = normalizeText(off.Name)
	off.Address = collapseSpaces(off.Address)
	off.District = collapseSpaces(off.District)

	// Postal codes read the same digits as phone numbers do.
	off.PostalCode = asciiDigits(strings.TrimSpace(off.PostalCode))
}

func (s *Service) normalize() {
	s.Name = normalizeText(s.Name)
	s.Description = normalizeText(s.Description)
	s.Eligibility = normalizeText(s.Eligibility)
	s.RequiredDocuments = normalizeText(s.RequiredDocuments)

	s.Areas = normalizeCodes(s.Areas, maxAreas, strings.ToLower, knownServiceArea)
	s.TargetGroups = normalizeCodes(s.TargetGroups, maxTargetGroups,
		strings.ToLower, knownTargetGroup)
	s.Languages = normalizeCodes(s.Languages, maxLanguages, canonicalTag, validLanguageTag)
	s.Provinces = normalizeProvinces(s.Provinces)
}

// normalizeText trims t's values and drops empty ones, and writes its
// language tags in canonical form. When two tags with different values
// have the same canonical form, it keeps the tags as given, since keeping
// either value would lose the other.
func normalizeText(t Text) Text {
	if len(t) == 0 {
		return t
	}

	out := make(Text, len(t))
	for tag, v := range t {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}

		key := canonicalTag(strings.TrimSpace(tag))
		if prev, taken := out[key]; taken && prev != v {
			return trimText(t)
		}
		out[key] = v
	}

	if len(out) == 0 {
		return nil
	}
	return out
}

// trimText returns t with its values trimmed and empty ones dropped,
// under the tags as given.
func trimText(t Text) Text {
	out := make(Text, len(t))
	for tag, v := range t {
		if v = strings.TrimSpace(v); v != "" {
			out[tag] = v
		}
	}
	return out
}

// collapseSpaces trims s and replaces each run of spaces inside it with a
// single space. Line breaks, tabs and other control characters inside s
// are kept, for validation to refuse where a field holds one line.
func collapseSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(strings.TrimSpace(s), isPlainSpace), " ")
}

// isPlainSpace reports whether r is white space that only separates
// words: a space, but not a line break or a tab.
func isPlainSpace(r rune) bool {
	return unicode.IsSpace(r) && !unicode.IsControl(r) && !isLineBreak(r)
}
