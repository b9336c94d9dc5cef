package cso

import (
	"fmt"
	"reflect"
	"slices"
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

// textProblem describes the first thing wrong with t, in language-tag
// order, or returns "" if t is valid. Each value of a single-line text,
// such as a name, must be on one line.
func textProblem(t Text, singleLine bool) string {
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
