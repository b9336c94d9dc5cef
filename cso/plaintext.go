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
	case languageTagTooLong(tag):
		return "has a tag " + longTagProblem(tag)
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
	return shownProblem(v, !singleLine)
}

// sharedTagProblem reports two tags of t that name the same language,
// such as "tr" and "TR", with different values: keeping either would
// lose the other. It returns "" when there are none.
func sharedTagProblem(t Text) string {
	if len(t) < 2 {
		return ""
	}

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
	return andList(quoted)
}

// andList writes the words joined as in a, b and c.
func andList(words []string) string {
	last := len(words) - 1
	if last <= 0 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:last], ", ") + " and " + words[last]
}

// noLettersMessage is what a person reads about a text to be shown that
// holds nothing to read, such as only a zero-width space, a combining
// accent or punctuation.
const noLettersMessage = "must hold letters or digits"

// shownProblem describes why s is not a text to show people, or returns
// "": it must be plain text (see plainProblem) and, unless it is empty,
// hold a letter or a digit. An empty s is left to the rules that say
// whether a value is required.
func shownProblem(s string, multiline bool) string {
	if problem := plainProblem(s, multiline); problem != "" {
		return problem
	}
	if s != "" && strings.IndexFunc(s, isLetterOrDigit) < 0 {
		return noLettersMessage
	}
	return ""
}

// isLetterOrDigit reports whether r is a letter or a number of any
// script.
func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// plainProblem describes why s is not plain text, or returns "" if it is.
// Control characters (NUL among them) and the invisible characters that
// override the direction of text have no place in a directory's names and
// addresses: they corrupt storage or let one name pose as another. U+FFFD
// marks a character that was lost before the text reached us, such as a
// lone surrogate escape in JSON. Private-use characters show as a
// different symbol, or none, on each device; noncharacters and the byte
// order mark U+FEFF are not text. Line breaks and tabs are allowed where
// multiline is true. The marks and joiners that Arabic and Persian need,
// such as U+200C in Persian words and the left-to-right and right-to-left
// marks, are allowed.
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
	case r == '\uFEFF':
		return "must not contain U+FEFF, an invisible byte order mark"
	case isNoncharacter(r):
		return fmt.Sprintf("must not contain U+%04X, "+
			"which Unicode keeps out of text", r)
	case unicode.Is(unicode.Co, r):
		return fmt.Sprintf("must not contain the private-use character "+
			"U+%04X, which each device shows differently", r)
	}
	return ""
}

// isNoncharacter reports whether r is one of the 66 code points that
// Unicode reserves for a program's own use and never assigns: U+FDD0 to
// U+FDEF and the last two of each plane, such as U+FFFE and U+FFFF.
func isNoncharacter(r rune) bool {
	return (r >= 0xFDD0 && r <= 0xFDEF) || r&0xFFFE == 0xFFFE
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
