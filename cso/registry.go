package cso

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Turkish registry identifiers take one of three unambiguous forms: the
// association register number (dernek kütük numarası) is a province plate
// code, a district number and a serial, such as 34-123-456; the
// foundation register number (vakıf kütük numarası) has one to six
// digits; the tax number (vergi kimlik numarası) has exactly ten. Seven
// to nine digits match none of them.
var (
	associationNumber = regexp.MustCompile(`^(\d{2})-(\d{3})-(\d{3,6})$`)
	foundationNumber  = regexp.MustCompile(`^\d{1,6}$`)
	taxNumber         = regexp.MustCompile(`^\d{10}$`)
)

// NormalizeRegistryID returns the registry identifier s in its canonical
// form, so that one organization cannot be entered twice under two
// spellings of its number:
//
//   - an association register number keeps its two-digit plate code and
//     three-digit district number, and its serial drops the leading zeros
//     it has beyond three digits: "34-123-000456" becomes "34-123-456",
//     "06-001-0002" becomes "06-001-002";
//   - a foundation register number drops its leading zeros: "000123"
//     becomes "123";
//   - a tax number is kept as it is, since its ten digits, leading zeros
//     among them, are what its check digit is computed from.
//
// Digits are written in ASCII, as phone numbers and postal codes are, and
// surrounding spaces are dropped. An identifier that is not valid, such
// as one with a part longer than its form allows ("34-123-0000456",
// "0000123"), is returned without its surrounding spaces but otherwise as
// it is, for validation to report.
func NormalizeRegistryID(s string) string {
	s = strings.TrimSpace(s)
	ascii := asciiDigits(s)

	canonical := ascii
	if m := associationNumber.FindStringSubmatch(ascii); m != nil {
		serial, _ := strconv.Atoi(m[3])
		canonical = fmt.Sprintf("%s-%s-%03d", m[1], m[2], serial)
	} else if foundationNumber.MatchString(ascii) {
		n, _ := strconv.Atoi(ascii)
		canonical = strconv.Itoa(n)
	}

	if !validRegistryForm(canonical) {
		return s
	}
	return canonical
}

// ValidRegistryID reports whether s is a registry identifier in its
// canonical form, the one validation accepts.
func ValidRegistryID(s string) bool {
	return validRegistryForm(s) && NormalizeRegistryID(s) == s
}

// keepsRegistryID reports whether an update that gives the registry
// identifier id keeps stored, the one the organization holds, as it is
// written: when id is stored, but for surrounding spaces.
//
// Identifiers stored before they were written in one form, or before the
// check digits of tax numbers were checked, may be in no form that
// validation accepts: "000123" whose canonical form "123" another
// organization holds, or a tax number with a wrong check digit. An update
// that leaves such an identifier alone keeps it, so that the organization
// can still be edited; one that gives it in another form, or gives
// another identifier, is normalized and validated as usual.
func keepsRegistryID(stored, id string) bool {
	return stored != "" && strings.TrimSpace(id) == stored
}

// validRegistryForm reports whether s is an association register number
// with a known plate code, a foundation register number other than zero
// or a tax number with a valid check digit, however many leading zeros
// its parts have.
func validRegistryForm(s string) bool {
	if m := associationNumber.FindStringSubmatch(s); m != nil {
		plate, _ := strconv.Atoi(m[1])
		return plate >= 1 && plate <= 81
	}

	if foundationNumber.MatchString(s) {
		n, _ := strconv.Atoi(s)
		return n != 0
	}
	return taxNumber.MatchString(s) && taxCheckDigit(s) == s[9]
}

// registryProblem explains why the registry identifier s is refused.
func registryProblem(s string) string {
	switch {
	case validRegistryForm(s):
		return fmt.Sprintf("must be written %q, without leading zeros",
			NormalizeRegistryID(s))
	case taxNumber.MatchString(s):
		return "is not a valid tax number: its last digit " +
			"does not match the check digit of the nine before it"
	}
	return "must be an association register number such as " +
		"34-123-456, a foundation register number of up to six " +
		"digits or a 10-digit tax number"
}

// taxCheckDigit returns the check digit of the tax number s, ten ASCII
// digits of which the last is the check digit, as the Revenue
// Administration computes it: each of the first nine digits is shifted by
// its distance from the check digit, doubled that many times and reduced
// modulo 9 (a nonzero result of 0 counting as 9), and the check digit
// brings the sum to a multiple of ten.
func taxCheckDigit(s string) byte {
	sum := 0
	for i := range 9 {
		distance := 9 - i
		shifted := (int(s[i]-'0') + distance) % 10
		if shifted == 0 {
			continue
		}
		v := (shifted << distance) % 9
		if v == 0 {
			v = 9
		}
		sum += v
	}
	return byte('0' + (10-sum%10)%10)
}
