package cso

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// notHTTPMessage is what a person reads whose address is no web address.
const notHTTPMessage = "must be an http or https address"

// userInfoMessage is what a person reads whose address holds a user name
// or password.
const userInfoMessage = "must not contain a user name or password: " +
	"give the address without the part before @"

// NormalizeURL returns s without surrounding spaces and, when s is a bare
// domain with an optional path ("sgdd.org.tr", "www.example.org/en"),
// with https:// in front. Anything else, including every URL that has a
// scheme, is returned as it is, for validation to judge.
func NormalizeURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || urlScheme.MatchString(s) {
		return s
	}
	if strings.HasPrefix(s, "//") {
		return "https:" + s
	}

	host, _, _ := strings.Cut(s, "/")
	host, _, _ = strings.Cut(host, "?")
	host, _, _ = strings.Cut(host, "#")
	if !strings.Contains(host, ".") || strings.ContainsAny(host, " @") {
		return s
	}
	return "https://" + s
}

// urlScheme matches the scheme of a URL such as https: or mailto:. A dot
// is allowed in schemes, but none that people write has one, and it tells
// "example.org:8080" apart from a scheme.
var urlScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+-]*:`)

// urlProblem explains why s is not a web address the directory can link
// to, or returns "" if it is one: an absolute http or https URL, written
// without spaces and without invisible or control characters, without a
// user name or password, whose host is a public domain name (see
// hostProblem).
func urlProblem(s string) string {
	if s == "" {
		return emptyEntryMessage
	}
	if problem := urlCharacterProblem(s); problem != "" {
		return problem
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return urlSpaceProblem(s)
	}

	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || (u.Scheme != "http" && u.Scheme != "https") {
		return notHTTPMessage
	}
	if u.User != nil {
		return userInfoMessage
	}

	if problem := hostProblem(u); problem != "" {
		return problem
	}
	if port := u.Port(); port != "" && !validPort(port) {
		return fmt.Sprintf("has %q as its port, which is not a number "+
			"from 1 to 65535", port)
	}
	return ""
}

// urlCharacterProblem describes the first character of s that has no
// place in a web address a person is shown, or returns "". Invisible
// characters let an address pose as another: a right-to-left override
// shows "x.org/\u202Egnp.exe" as "x.org/exe.png", and a zero-width space
// hides inside a domain name that a browser then looks up without it.
func urlCharacterProblem(s string) string {
	if !utf8.ValidString(s) {
		return "must be valid UTF-8 text"
	}

	for _, r := range s {
		if invisibleInURL(r) {
			return fmt.Sprintf("must not hold invisible or direction-control "+
				"characters: remove U+%04X", r)
		}
		if problem := runeProblem(r, false); problem != "" {
			return problem
		}
	}
	return ""
}

// invisibleInURL reports whether r is a format character, such as a
// direction mark, a zero-width space or a soft hyphen, or another
// character that Unicode says to show as nothing. The zero-width
// non-joiner and joiner are allowed: Persian and Arabic words hold them,
// also in domain names, where the IDNA rules judge their place.
func invisibleInURL(r rune) bool {
	if r == zeroWidthNonJoiner || r == zeroWidthJoiner {
		return false
	}
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector,
		unicode.Other_Default_Ignorable_Code_Point)
}

// The joiners that shape Persian and Arabic words.
const (
	zeroWidthNonJoiner = '\u200C'
	zeroWidthJoiner    = '\u200D'
)

// urlSpaceProblem explains where s, a web address holding a space, has
// it: in the host, in a user name, or in the path or query.
func urlSpaceProblem(s string) string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || !(strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")) {
		return notHTTPMessage
	}

	authority := rest
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		authority = rest[:end]
	}
	switch {
	case strings.Contains(authority, "@"):
		return userInfoMessage
	case strings.IndexFunc(authority, unicode.IsSpace) >= 0:
		return notPublicMessage(authority, "a domain name has no spaces")
	}
	return "must not contain spaces: write a space in a path or query as %20"
}

// validPort reports whether the digits of a URL's port name one a
// server can listen on.
func validPort(port string) bool {
	n, err := strconv.Atoi(port)
	return err == nil && n >= 1 && n <= 65535
}
