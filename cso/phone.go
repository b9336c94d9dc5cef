package cso

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// phoneExample is shown to people whose phone number we cannot read.
const phoneExample = "+90 212 555 12 12"

// e164 is the shape of a stored phone number: a plus sign, a country
// code that does not start with zero and at most 15 digits in all.
var e164 = regexp.MustCompile(`^\+[1-9]\d{6,14}$`)

// NormalizePhone returns s in E.164 form, such as +902125551212. It reads
// the forms people write: national numbers with a leading zero
// ("0212 555 12 12"), international ones with spaces and parentheses
// ("+90 (532) 555 12 12") and Turkish numbers without a trunk prefix
// ("444 12 12"). A number it cannot read, or that is not in use by the
// numbering plan, yields an error that matches ErrInvalid.
func NormalizePhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	num, err := phonenumbers.Parse(s, "TR")
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", fmt.Errorf("%w phone number %q: write it as in %s",
			ErrInvalid, s, phoneExample)
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
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
