package cso

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// maxLinkLength is the longest web address, in characters, that the
// validate tags of an organization allow.
const maxLinkLength = 300

// normalizePhones writes each phone number in E.164 form and, when every
// one is then valid, drops blanks and repeats, keeping the order.
func normalizePhones(phones []string) []string {
	out, _ := tidyList(phones, e164OrAsTyped, validE164)
	return out
}

// e164OrAsTyped returns the phone number p in E.164 form, or p as it is
// when it cannot be read.
func e164OrAsTyped(p string) string {
	if e, err := NormalizePhone(p); err == nil {
		return e
	}
	return p
}

// normalizeLinks applies NormalizeURL to each link and, when every one is
// then valid, drops blanks and repeats, keeping the order.
func normalizeLinks(links []string) []string {
	out, _ := tidyList(links, NormalizeURL, validLink)
	return out
}

// validLink reports whether s is a web address an organization may link
// to.
func validLink(s string) bool {
	return urlProblem(s) == "" && utf8.RuneCountInString(s) <= maxLinkLength
}

// normalizeCodes rewrites each code with canonical and, when every one is
// then valid, sorts them and drops blanks and repeats.
func normalizeCodes(codes []string, canonical func(string) string,
	valid func(string) bool) []string {

	out, tidy := tidyList(codes, canonical, valid)
	if tidy {
		slices.Sort(out)
	}
	return out
}

// tidyList trims each entry of list and rewrites it with canonical. When
// every entry is then valid or empty, it drops the empty and repeated
// ones, keeping the order, and reports that the list is tidy. Otherwise
// it keeps every entry where it was, so that validation names each bad
// one by the index the caller sent it at.
func tidyList(list []string, canonical func(string) string,
	valid func(string) bool) ([]string, bool) {

	if len(list) == 0 {
		return nil, true
	}

	out := make([]string, len(list))
	tidy := true
	for i, entry := range list {
		out[i] = canonical(strings.TrimSpace(entry))
		tidy = tidy && (out[i] == "" || valid(out[i]))
	}
	if !tidy {
		return out, false
	}

	var kept []string
	for _, entry := range out {
		if entry != "" && !slices.Contains(kept, entry) {
			kept = append(kept, entry)
		}
	}
	return kept, true
}

// normalizeProvinces sorts the plate codes and drops repeats when every
// one is a known province, and otherwise keeps them where they were.
func normalizeProvinces(codes []int) []int {
	for _, code := range codes {
		if _, ok := ProvinceByCode(code); !ok {
			return codes
		}
	}

	out := slices.Clone(codes)
	slices.Sort(out)
	return slices.Compact(out)
}

// knownServiceArea reports whether code is in the service-area taxonomy.
func knownServiceArea(code string) bool {
	_, ok := ServiceArea(code)
	return ok
}

// knownTargetGroup reports whether code is a known target group.
func knownTargetGroup(code string) bool {
	_, ok := TargetGroup(code)
	return ok
}
