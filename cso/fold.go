package cso

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTerms is the most different words a query may have; Terms keeps
// no more.
const maxTerms = 10

// Fold returns the search key of s: lower-cased by Turkish rules, without
// diacritics, Arabic letters normalised, words separated by single spaces.
//
// Dotted and dotless i both fold to "i", so "SIĞINMACI", "sığınmacı" and
// "siginmaci" share a key, and so do "ISTANBUL" typed on an English
// keyboard and "İstanbul"; Turkish and plain lower-casing therefore give
// the same key. Arabic hamza and madda forms of alef become plain alef,
// tā' marbūṭa becomes hā', alef maqṣūra and Persian yā' become yā',
// Persian kāf becomes kāf, and harakat and tatweel are dropped.
// Arabic-Indic and Persian digits become ASCII digits. The definite
// article al- (with the conjunctions and prepositions that attach to it)
// is dropped from Arabic words, so that "التعليم" and "تعليم" share a key.
func Fold(s string) string {
	// Compatibility decomposition splits letters from their accents and
	// also turns Arabic presentation forms and ligatures such as "ﬁ" back
	// into plain letters. ASCII is already decomposed.
	if !isASCII(s) {
		s = norm.NFKD.String(s)
	}

	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if isASCIIWordByte(byte(r)) {
				gap = writeGap(&b, gap)
				b.WriteByte(asciiLower(byte(r)))
			} else {
				gap = true
			}

		case r == tatweel:
			// Tatweel only stretches a word; it is a letter to Unicode.

		case unicode.IsLetter(r), unicode.Is(unicode.Nd, r):
			gap = writeGap(&b, gap)
			writeFoldedRune(&b, r)

		case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
			// Accents, harakat, joiners and soft hyphens sit inside words.

		case unicode.Is(unicode.Mc, r):
			// Some scripts write spacing vowel signs inside words.
			gap = writeGap(&b, gap)
			b.WriteRune(r)

		default:
			gap = true
		}
	}

	folded := b.String()
	if hasArabic(folded) {
		folded = dropArabicArticles(folded)
	}
	return folded
}

// Terms returns the distinct folded words of s, in order, at most 10:
// a Query whose text has more is refused. It returns an empty slice when
// s holds no letter or digit.
func Terms(s string) []string {
	terms := distinctWords(s, maxTerms+1)
	if len(terms) > maxTerms {
		terms = terms[:maxTerms]
	}
	return terms
}

// distinctWords returns the distinct folded words of s, in order, at
// most limit of them.
func distinctWords(s string, limit int) []string {
	words := []string{}
	for w := range strings.FieldsSeq(Fold(s)) {
		if len(words) == limit {
			break
		}
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// writeGap writes a space before the next word when a separator preceded
// it and b is not empty. It returns the new gap state.
func writeGap(b *strings.Builder, gap bool) bool {
	if gap && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return false
}

// tatweel is the Arabic letter-stretching character, which carries no
// meaning.
const tatweel = '\u0640'

// foldedLetters maps letters that canonical decomposition leaves whole to
// the letters they fold to.
var foldedLetters = map[rune]string{
	'ı': "i",
	'ß': "ss",
	'æ': "ae",
	'œ': "oe",
	'ø': "o",
	'đ': "d",
	'ð': "d",
	'ł': "l",
	'þ': "th",
	'ə': "e",
	'ς': "σ",

	'ٱ': "ا", // alef wasla
	'ٲ': "ا", // alef with wavy hamza above
	'ٳ': "ا", // alef with wavy hamza below
	'ة': "ه", // tā' marbūṭa
	'ى': "ي", // alef maqṣūra
	'ی': "ي", // Persian yā'
	'ک': "ك", // Persian kāf
}

// writeFoldedRune writes the folded form of the non-ASCII word rune r.
func writeFoldedRune(b *strings.Builder, r rune) {
	switch {
	case r >= '٠' && r <= '٩':
		b.WriteByte(byte('0' + r - '٠'))
		return
	case r >= '۰' && r <= '۹':
		b.WriteByte(byte('0' + r - '۰'))
		return
	}

	r = unicode.ToLower(r)
	if f, ok := foldedLetters[r]; ok {
		b.WriteString(f)
		return
	}
	b.WriteRune(r)
}

// isASCII reports whether s holds only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isASCIIWordByte reports whether c is an ASCII letter or digit.
func isASCIIWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' ||
		'0' <= c && c <= '9'
}

// asciiLower returns the lower case of the ASCII byte c.
func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
