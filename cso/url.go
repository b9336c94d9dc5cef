package cso

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
)

// notHTTPMessage is what a person reads whose address is no web address.
const notHTTPMessage = "must be an http or https address"

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
// without spaces, without a user name or password, whose host is an IPv4
// address or a domain name with a dot in it.
func urlProblem(s string) string {
	if s == "" {
		return emptyEntryMessage
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return notHTTPMessage
	}

	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || (u.Scheme != "http" && u.Scheme != "https") {
		return notHTTPMessage
	}
	if u.User != nil {
		return "must not contain a user name or password: " +
			"give the address without the part before @"
	}

	host := u.Hostname()
	if !strings.Contains(host, ".") ||
		strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") {
		return notHTTPMessage
	}
	if net.ParseIP(host) == nil && !validDomainName(host) {
		return fmt.Sprintf("has %q as its host, which is not a valid "+
			"domain name", host)
	}
	if port := u.Port(); port != "" && !validPort(port) {
		return fmt.Sprintf("has %q as its port, which is not a number "+
			"from 1 to 65535", port)
	}
	return ""
}

// validPort reports whether the digits of a URL's port name one a
// server can listen on.
func validPort(port string) bool {
	n, err := strconv.Atoi(port)
	return err == nil && n >= 1 && n <= 65535
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

// validDomainName reports whether host is a domain name whose every label
// is valid: letters, digits and inner hyphens, or an internationalized
// label, written in Unicode or as punycode that decodes to a valid label.
// "xn--ghd-.org", "-x.org" and "my_site.org" are not.
func validDomainName(host string) bool {
	_, err := domainNames.ToASCII(host)
	return err == nil
}
