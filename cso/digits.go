package cso

import "strings"

// digitZeros are the zeros of the sets of decimal digits that people in
// the directory's languages type besides the ASCII ones: Arabic-Indic
// (٠١٢), Extended Arabic-Indic, as in Persian and Urdu (۰۱۲), and
// fullwidth (０１２), which East Asian keyboards produce.
var digitZeros = []rune{'\u0660', '\u06F0', '\uFF10'}

// asciiDigit returns the ASCII digit that r writes, and whether r is a
// decimal digit of one of the sets the directory reads.
func asciiDigit(r rune) (rune, bool) {
	if r >= '0' && r <= '9' {
		return r, true
	}
	for _, zero := range digitZeros {
		if r >= zero && r <= zero+9 {
			return '0' + r - zero, true
		}
	}
	return r, false
}

// asciiDigits returns s with every digit that asciiDigit reads written as
// an ASCII digit, and everything else as it is.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		d, _ := asciiDigit(r)
		return d
	}, s)
}
