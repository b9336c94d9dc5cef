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
// or a tax number with a valid check digit.
func validRegistryID(s string) bool {
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
