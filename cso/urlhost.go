package cso

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
)

// hostProblem explains why the host of u is not a public domain name, or
// returns "" if it is one. A public domain name has a dot, no final dot,
// a last label that is not a number, and labels that are each valid and
// written in one script. IP addresses are refused: the directory links
// to an organization's domain, and an address such as 127.0.0.1 or
// 10.0.0.1 leads into the reader's own computer or network.
func hostProblem(u *url.URL) string {
	host := u.Hostname()
	switch {
	case strings.HasPrefix(u.Host, "["):
		return ipMessage(host)
	case host == "":
		return "has no host: write the address as https://example.org"
	}

	// The lookup form is what a browser looks up: full-width digits and
	// ideographic full stops become ASCII, so 127.0.0.1 written in
	// full-width digits is judged as 127.0.0.1.
	lookup, err := domainNames.ToASCII(host)
	if err != nil {
		return fmt.Sprintf("has %q as its host, which is not a valid "+
			"domain name", host)
	}

	switch {
	case strings.HasSuffix(lookup, "."):
		return notPublicMessage(host, "write it without the final dot")
	case net.ParseIP(lookup) != nil:
		return ipMessage(lookup)
	case endsInNumber(lookup):
		return fmt.Sprintf("has %q as its host, which is not a domain "+
			"name, as its last part is a number", host)
	case !strings.Contains(lookup, "."):
		return notPublicMessage(host, "a public one has a dot, "+
			"such as example.org")
	}
	return mixedScriptProblem(host, lookup)
}

// ipMessage is what a person reads whose web address names a server by
// its IP address.
func ipMessage(ip string) string {
	return fmt.Sprintf("must name a domain, not the IP address %q", ip)
}

// notPublicMessage is what a person reads whose web address has a host
// that no one outside their own network can reach, with a hint.
func notPublicMessage(host, hint string) string {
	return fmt.Sprintf("has %q as its host, which is not a public domain "+
		"name: %s", host, hint)
}

// endsInNumber reports whether the last label of host, a domain name in
// ASCII, is a number in decimal or in hexadecimal with 0x in front.
// Browsers read such a host as an IPv4 address, as they read 127.1 and
// 0x7f.0.0.1 as 127.0.0.1, and refuse it when it is not one, such as
// 1.2.3.4.5. No top-level domain is a number.
func endsInNumber(host string) bool {
	last := host[strings.LastIndex(host, ".")+1:]
	if hex, ok := strings.CutPrefix(strings.ToLower(last), "0x"); ok {
		return strings.Trim(hex, "0123456789abcdef") == ""
	}
	return last != "" && strings.Trim(last, "0123456789") == ""
}

// mixedScriptProblem explains why a label of host, whose lookup form is
// lookup, mixes the letters of scripts as a name made to pose as another
// does, such as apple.com written with a Cyrillic a (U+0430); or returns
// "". A label may mix Latin with the scripts that Chinese, Japanese and
// Korean write together, as browsers allow (Unicode TS #39, highly
// restrictive).
func mixedScriptProblem(host, lookup string) string {
	shown, err := domainNames.ToUnicode(lookup)
	if err != nil {
		return fmt.Sprintf("has %q as its host, which is not a valid "+
			"domain name", host)
	}

	for label := range strings.SplitSeq(shown, ".") {
		scripts := labelScripts(label)
		if !allowedScripts(scripts) {
			return fmt.Sprintf("has %q as its host, which mixes %s "+
				"letters in one label, as look-alike names do",
				host, andList(scripts))
		}
	}
	return ""
}

// labelScripts returns the names of the scripts of the letters of label,
// sorted, leaving out the characters that scripts share, such as digits
// and the hyphen, and combining marks.
func labelScripts(label string) []string {
	var scripts []string
	for _, r := range label {
		name := scriptOf(r)
		if name != "" && name != "Common" && name != "Inherited" &&
			!slices.Contains(scripts, name) {
			scripts = append(scripts, name)
		}
	}
	slices.Sort(scripts)
	return scripts
}

// scriptOf returns the name of the Unicode script of r, or "" if r has
// none.
func scriptOf(r rune) string {
	if unicode.Is(unicode.Latin, r) {
		return "Latin"
	}
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			return name
		}
	}
	return ""
}

// sharedScripts are the sets of scripts that one label may mix.
var sharedScripts = [][]string{
	{"Han", "Hiragana", "Katakana", "Latin"},
	{"Bopomofo", "Han", "Latin"},
	{"Han", "Hangul", "Latin"},
}

// allowedScripts reports whether a label may hold letters of all the
// scripts.
func allowedScripts(scripts []string) bool {
	if len(scripts) <= 1 {
		return true
	}
	for _, set := range sharedScripts {
		if subset(scripts, set) {
			return true
		}
	}
	return false
}

// subset reports whether every word of words is in set.
func subset(words, set []string) bool {
	for _, w := range words {
		if !slices.Contains(set, w) {
			return false
		}
	}
	return true
}

// domainNames checks host names as a browser does before it looks one
// up (UTS #46), and also refuses names too long for the DNS and empty
// labels.
var domainNames = idna.New(
	idna.MapForLookup(),
	idna.BidiRule(),
	idna.CheckHyphens(true),
	idna.CheckJoiners(true),
	idna.VerifyDNSLength(true),
	idna.Transitional(false),
)
