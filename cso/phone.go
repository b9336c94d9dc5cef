package cso

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// phoneExample is shown to people whose phone number we cannot read.
const phoneExample = "+90 212 555 12 12"

// phoneMarksMessage says which characters a phone number may hold.
// It holds no semicolon, which separates the reasons of one CSV cell.
const phoneMarksMessage = "must contain only digits, spaces, +, (, ), - " +
	"and . (extensions cannot be stored)"

// e164 is the shape of a stored phone number: a plus sign, a country
// code that does not start with zero and at most 15 digits in all.
var e164 = regexp.MustCompile(`^\+[1-9]\d{6,14}$`)

// NormalizePhone returns s in E.164 form, such as +902125551212. It reads
// the forms people write: national numbers with a leading zero
// ("0212 555 12 12"), international ones with spaces and parentheses
// ("+90 (532) 555 12 12") and Turkish numbers without a trunk prefix
// ("444 12 12"), in ASCII, Arabic-Indic, Extended Arabic-Indic or
// fullwidth digits. Invisible marks of writing direction, which come
// along when a number is copied from right-to-left text, are ignored.
//
// A number with letters or any mark but spaces, +, (, ), - and . is
// refused rather than guessed at, since letters would be dialled as
// digits ("0212 CALL NOW") and an extension ("ext 5", "x99") has no place
// in E.164. So is a number that is not in use by the numbering plan. The
// error matches ErrInvalid.
func NormalizePhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !phoneMarksOnly(s) {
		return "", fmt.Errorf("%w phone number %q: %s; write it as in %s",
			ErrInvalid, s, phoneMarksMessage, phoneExample)
	}

	num, err := phonenumbers.Parse(phoneDigits(s), "TR")
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", fmt.Errorf("%w phone number %q: write it as in %s",
			ErrInvalid, s, phoneExample)
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}

// phoneMarksOnly reports whether s holds only what a phone number may be
// written with: digits, white space, + ( ) - . and direction marks.
func phoneMarksOnly(s string) bool {
	for _, r := range s {
		_, digit := asciiDigit(r)
		ok := digit || unicode.IsSpace(r) || isDirectionMark(r) ||
			strings.ContainsRune("+()-.", r)
		if !ok {
			return false
		}
	}
	return true
}

// phoneDigits returns the phone number s with ASCII digits and without
// direction marks, for the numbering library to read.
func phoneDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if isDirectionMark(r) {
			return -1
		}
		d, _ := asciiDigit(r)
		return d
	}, s)
}

// isDirectionMark reports whether r is one of the invisible marks that
// set the direction of the text around it: the left-to-right, right-to-left
// and Arabic letter marks.
func isDirectionMark(r rune) bool {
	return r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// validE164 reports whether s is a phone number in E.164 form that the
// numbering plan of its country allows.
func validE164(s string) bool {
	if !e164.MatchString(s) {
		return false
	}

	num, err := phonenumbers.Parse(s, "")
	return err == nil && phonenumbers.IsValidNumber(num) &&
		phonenumbers.Format(num, phonenumbers.E164) == s
}

// phoneProblem explains why the stored phone number s is refused.
func phoneProblem(s string) string {
	switch {
	case s == "":
		return emptyEntryMessage
	case !phoneMarksOnly(s):
		return phoneMarksMessage
	}
	return "must be a phone number such as " + phoneExample
}
