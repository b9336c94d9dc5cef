package cso

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// arabicArticles are the spellings of the definite article at the start
// of a word, longest first: al-, and al- after wa-, bi-, fa-, ka- and li-.
var arabicArticles = []string{"وال", "بال", "فال", "كال", "لل", "ال"}

// minArabicStem is the number of letters a word must keep after its
// article is dropped; shorter words keep their first letters, since "بالغ"
// (adult) does not start with an article.
const minArabicStem = 3

// hasArabic reports whether s contains an Arabic letter.
func hasArabic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

// dropArabicArticles removes the definite article from each Arabic word of
// the folded text s.
func dropArabicArticles(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		words[i] = dropArabicArticle(w)
	}
	return strings.Join(words, " ")
}

// dropArabicArticle removes the definite article from the start of w.
func dropArabicArticle(w string) string {
	for _, article := range arabicArticles {
		stem, ok := strings.CutPrefix(w, article)
		if ok && utf8.RuneCountInString(stem) >= minArabicStem {
			return stem
		}
	}
	return w
}
