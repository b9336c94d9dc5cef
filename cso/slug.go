package cso

import "strings"

// maxSlugLen is the longest slug Slugify returns, in bytes.
const maxSlugLen = 80

// Slugify returns a URL slug for a Turkish name: lower case ASCII letters,
// digits and single hyphens, with Turkish transliteration.
//
// Turkish letters lose their marks (ç→c, ğ→g, ı→i, İ→i, ö→o, ş→s, ü→u)
// and so do other accented Latin letters. Every run of anything else
// becomes one hyphen. A slug longer than 80 bytes is cut at the last word
// boundary that fits. A name without Latin letters or digits, such as an
// Arabic one, gives "", and the caller has to choose another slug.
func Slugify(s string) string {
	folded := Fold(s)

	var b strings.Builder
	b.Grow(len(folded))
	gap := false
	for i := 0; i < len(folded); i++ {
		c := folded[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteByte(c)
			continue
		}
		gap = true
	}

	return cutSlug(b.String())
}

// cutSlug shortens slug to maxSlugLen bytes, at a hyphen when there is
// one to cut at.
func cutSlug(slug string) string {
	if len(slug) <= maxSlugLen {
		return slug
	}

	if slug[maxSlugLen] == '-' {
		return slug[:maxSlugLen]
	}
	cut := strings.LastIndexByte(slug[:maxSlugLen], '-')
	if cut <= 0 {
		return slug[:maxSlugLen]
	}
	return slug[:cut]
}
