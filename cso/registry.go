package cso

import (
	"regexp"
	"strconv"
)

// Turkish registry identifiers take one of three unambiguous forms: the
// association register number (dernek kütük numarası) is a province plate
// code, a district number and a serial, such as 34-123-456; the
// foundation register number (vakıf kütük numarası) has one to six
// digits; the tax number (vergi kimlik numarası) has exactly ten. Seven
// to nine digits match none of them.
var (
	associationNumber = regexp.MustCompile(`^(\d{2})-\d{3}-\d{3,6}$`)
	foundationNumber  = regexp.MustCompile(`^\d{1,6}$`)
	taxNumber         = regexp.MustCompile(`^\d{10}$`)
)

// validRegistryID reports whether s is an association register number
// with a known plate code, a foundation register number other than zero
// or a ten-digit tax number. Tax numbers have a check digit, but without
// an authoritative test vector we do not verify it.
func validRegistryID(s string) bool {
	if m := associationNumber.FindStringSubmatch(s); m != nil {
		plate, _ := strconv.Atoi(m[1])
		return plate >= 1 && plate <= 81
	}

	if foundationNumber.MatchString(s) {
		n, _ := strconv.Atoi(s)
		return n != 0
	}
	return taxNumber.MatchString(s)
}
