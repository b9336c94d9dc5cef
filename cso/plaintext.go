package cso

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTextValue is the longest value, in characters, of one language of a
// Text.
const maxTextValue = 5000

// textOf returns the Text held by v, or nil if v holds none.
func textOf(v reflect.Value) Text {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	t, _ := v.Interface().(Text)
	return t
}

// hasTurkish reports whether t has a Turkish value, under a tag written in
// any case.
func hasTurkish(t Text) bool {
	for tag, v := range t {
		if canonicalTag(strings.TrimSpace(tag)) == "tr" && strings.TrimSpace(v) != "" {
			return true
		}
	}
	return false
}

// textProblem describes the first thing wrong with t, in language-tag
// order, or returns "" if t is valid. Each value of a single-line text,
// such as a name, must be on one line.
func textProblem(t Text, singleLine bool) string {
	if problem := sharedTagProblem(t); problem != "" {
		return problem
	}

	tags := make([]string, 0, len(t))
	for tag := range t {
		tags = append(tags, tag)
	}
	slices.Sort(tags)

	for _, tag := range tags {
		if problem := textValueProblem(tag, t[tag], singleLine); problem != "" {
			return problem
		}
	}
	return ""
}

// textValueProblem describes what is wrong with the value v of a Text
// under tag, or returns "".
func textValueProblem(tag, v string, singleLine bool) string {
	switch {
	case tag == "":
		return "has a value without a language tag"
	case !validLanguageTag(tag):
		return fmt.Sprintf("has an unknown language tag %q "+
			"(use a BCP 47 tag such as tr, en or ar-SY)", tag)
	case canonicalTag(tag) != tag:
		return fmt.Sprintf("must write the language tag %q as %q",
			tag, canonicalTag(tag))
	case !utf8.ValidString(v):
		return fmt.Sprintf("has text in %s that is not valid UTF-8", tag)
	case utf8.RuneCountInString(v) > maxTextValue:
		return fmt.Sprintf("must be at most %d characters in %s",
			maxTextValue, tag)
	}

	if problem := plainProblem(v, !singleLine); problem != "" {
		return problem + " in " + tag
	}
	return ""
}

// sharedTagProblem reports two tags of t that name the same language,
// such as "tr" and "TR", with different values: keeping either would
// lose the other. It returns "" when there are none.
func sharedTagProblem(t Text) string {
	byLanguage := map[string][]string{}
	for tag, v := range t {
		if strings.TrimSpace(v) != "" {
			key := canonicalTag(strings.TrimSpace(tag))
			byLanguage[key] = append(byLanguage[key], tag)
		}
	}

	languages := slices.Sorted(maps.Keys(byLanguage))
	for _, lang := range languages {
		tags := byLanguage[lang]
		if len(tags) > 1 && !sameValues(t, tags) {
			slices.Sort(tags)
			return fmt.Sprintf("has different values for one language "+
				"under %s: keep one", quotedList(tags))
		}
	}
	return ""
}

// sameValues reports whether t holds the same value, but for surrounding
// spaces, under each of the tags.
func sameValues(t Text, tags []string) bool {
	first := strings.TrimSpace(t[tags[0]])
	for _, tag := range tags[1:] {
		if strings.TrimSpace(t[tag]) != first {
			return false
		}
	}
	return true
}

// quotedList writes the words quoted and joined as in "a", "b" and "c".
func quotedList(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = fmt.Sprintf("%q", w)
	}
	last := len(quoted) - 1
	if last == 0 {
		return quoted[0]
	}
	return strings.Join(quoted[:last], ", ") + " and " + quoted[last]
}

// plainProblem describes why s is not plain text, or returns "" if it is.
// Control characters (NUL among them) and the invisible characters that
// override the direction of text have no place in a directory's names and
// addresses: they corrupt storage or let one name pose as another. U+FFFD
// marks a character that was lost before the text reached us, such as a
// lone surrogate escape in JSON. Line breaks and tabs are allowed where
// multiline is true.
func plainProblem(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "must be valid UTF-8 text"
	}

	for _, r := range s {
		if problem := runeProblem(r, multiline); problem != "" {
			return problem
		}
	}
	return ""
}

// runeProblem describes why r has no place in plain text, or returns "".
func runeProblem(r rune, multiline bool) string {
	switch {
	case multiline && (r == '\n' || r == '\r' || r == '\t'):
	case multiline && (r == '\u2028' || r == '\u2029'):
	case isLineBreak(r):
		return fmt.Sprintf("must be on one line: remove the line break U+%04X", r)
	case unicode.IsControl(r):
		return fmt.Sprintf("must not contain the control character U+%04X", r)
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return fmt.Sprintf("must not contain the direction override U+%04X", r)
	case r == utf8.RuneError:
		return "has a character that could not be read (U+FFFD): " +
			"type the text again"
	}
	return ""
}

// isLineBreak reports whether r ends a line: line feed, carriage return,
// next line, or the line and paragraph separators.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}
