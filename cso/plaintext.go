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

// textProblem describes the first thing wrong with t, or returns "" if t
// is valid. Each value of a single-line text, such as a name, must be on
// one line.
func textProblem(t Text, singleLine bool) string {
	problems := textProblems(t, singleLine)
	if len(problems) == 0 {
		return ""
	}

	// "" sorts first, so what concerns the tags comes before the values.
	keys := slices.Sorted(maps.Keys(problems))
	return problems[keys[0]]
}

// textProblems describes what is wrong with t: under "" what concerns
// its language tags, such as an unknown tag, and under a tag what is
// wrong with the value in that language. It returns nil if t is valid.
func textProblems(t Text, singleLine bool) map[string]string {
	var problems map[string]string
	report := func(key, problem string) {
		if problems == nil {
			problems = map[string]string{}
		}
		if _, ok := problems[key]; !ok {
			problems[key] = problem
		}
	}

	if problem := sharedTagProblem(t); problem != "" {
		report("", problem)
	}
	for _, tag := range slices.Sorted(maps.Keys(t)) {
		if problem := tagProblem(tag); problem != "" {
			report("", problem)
		} else if problem := textValueProblem(t[tag], singleLine); problem != "" {
			report(tag, problem)
		}
	}
	return problems
}

// tagProblem describes what is wrong with tag as the key of a Text, or
// returns "".
func tagProblem(tag string) string {
	switch {
	case tag == "":
		return "has a value without a language tag"
	case !validLanguageTag(tag):
		return fmt.Sprintf("has an unknown language tag %q "+
			"(use a BCP 47 tag such as tr, en or ar-SY)", tag)
	case canonicalTag(tag) != tag:
		return fmt.Sprintf("must write the language tag %q as %q",
			tag, canonicalTag(tag))
	}
	return ""
}

// textValueProblem describes what is wrong with v, the value of a Text
// in one language, or returns "".
func textValueProblem(v string, singleLine bool) string {
	if utf8.ValidString(v) && utf8.RuneCountInString(v) > maxTextValue {
		return fmt.Sprintf("must be at most %d characters", maxTextValue)
	}
	return plainProblem(v, !singleLine)
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
