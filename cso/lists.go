package cso

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxLinkLength is the longest web address, in characters, that the
// validate tags of an organization allow.
const maxLinkLength = 300

// The most entries the validate tags allow in each list that Normalize
// tidies, read from the tags so that the two cannot disagree.
var (
	maxPhones       = listMaximum[Organization]("Phones")
	maxSocialLinks  = listMaximum[Organization]("SocialLinks")
	maxAreas        = listMaximum[Service]("Areas")
	maxTargetGroups = listMaximum[Service]("TargetGroups")
	maxLanguages    = listMaximum[Service]("Languages")
)

// listMaximum returns the max= rule of the validate tag on the list
// field of T. It panics when the field or the rule is missing, which is
// a mistake in this package, found when it is loaded.
func listMaximum[T any](field string) int {
	t := reflect.TypeFor[T]()
	f, ok := t.FieldByName(field)
	if !ok {
		panic(fmt.Sprintf("cso: %s has no field %s", t.Name(), field))
	}

	// Rules after dive apply to each entry, not to the list.
	for rule := range strings.SplitSeq(f.Tag.Get("validate"), ",") {
		if rule == "dive" {
			break
		}
		if limit, ok := strings.CutPrefix(rule, "max="); ok {
			n, err := strconv.Atoi(limit)
			if err != nil {
				panic(fmt.Sprintf("cso: %s.%s: max=%s: %v", t.Name(), field, limit, err))
			}
			return n
		}
	}
	panic(fmt.Sprintf("cso: %s.%s has no max= rule", t.Name(), field))
}

// normalizePhones writes each phone number in E.164 form and, when every
// one is then valid, drops blanks and repeats, keeping the order.
func normalizePhones(phones []string) []string {
	out, _ := tidyList(phones, maxPhones, e164OrAsTyped, validE164)
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
	out, _ := tidyList(links, maxSocialLinks, NormalizeURL, validLink)
	return out
}

// validLink reports whether s is a web address an organization may link
// to.
func validLink(s string) bool {
	return urlProblem(s) == "" && utf8.RuneCountInString(s) <= maxLinkLength
}

// normalizeCodes rewrites each code with canonical and, when every one is
// then valid, sorts them and drops blanks and repeats. A list of more
// than limit codes stays as sent.
func normalizeCodes(codes []string, limit int,
	canonical func(string) string, valid func(string) bool) []string {

	out, tidy := tidyList(codes, limit, canonical, valid)
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
//
// A list of more than limit entries, which validation refuses whatever
// they hold, is returned as sent: reading each entry of a list that may
// fill a whole request body would cost time for nothing.
func tidyList(list []string, limit int, canonical func(string) string,
	valid func(string) bool) ([]string, bool) {

	if len(list) == 0 {
		return nil, true
	}
	if len(list) > limit {
		return list, false
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
	seen := make(map[string]bool, len(out))
	for _, entry := range out {
		if entry != "" && !seen[entry] {
			seen[entry] = true
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
	_, ok := serviceAreaIndex()[code]
	return ok
}

// knownTargetGroup reports whether code is a known target group.
func knownTargetGroup(code string) bool {
	_, ok := targetGroupIndex()[code]
	return ok
}
