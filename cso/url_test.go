package cso_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValidateJudgesTheHostsOfWebAddresses(t *testing.T) {
	const (
		notHTTP  = "must be an http or https address"
		userInfo = "must not contain a user name or password: " +
			"give the address without the part before @"
	)
	badHost := func(host string) string {
		return `has "` + host + `" as its host, which is not a valid domain name`
	}
	noDot := func(host string) string {
		return `has "` + host + `" as its host, which is not a public ` +
			`domain name: a public one has a dot, such as example.org`
	}

	cases := []struct {
		url  string
		want string // "" when the address is valid
	}{
		{"https://sgdd.org.tr", ""},
		{"https://www.instagram.com/example", ""},
		{"http://Example.ORG:8080/a?b=c#d", ""},
		{"https://çocuk.org.tr/", ""},
		{"https://xn--ocuk-zoa.org.tr/", ""},
		{"https://الموقع.com", ""},
		{"https://192.168.1.10/", `must name a domain, not the IP address "192.168.1.10"`},
		{"https://user:pass@x.org/", userInfo},
		{"https://user@x.org/", userInfo},
		{"https://:@x.org/", userInfo},
		{"https://xn--ghd-.org", badHost("xn--ghd-.org")},
		{"https://xn--zz.org", badHost("xn--zz.org")},
		{"https://-x.org", badHost("-x.org")},
		{"https://x-.org", badHost("x-.org")},
		{"https://www.x-.org", badHost("www.x-.org")},
		{"https://my_site.org", badHost("my_site.org")},
		{"https://x..org", badHost("x..org")},
		{"https://" + strings.Repeat("a", 64) + ".org", badHost(strings.Repeat("a", 64) + ".org")},
		{"https://example.com:65535/", ""},
		{"https://example.com:99999/", `has "99999" as its port, which is not a number from 1 to 65535`},
		{"https://example.com:0/", `has "0" as its port, which is not a number from 1 to 65535`},
		{"https://localhost/", noDot("localhost")},
		{"http://localhost:8080", noDot("localhost")},
		{"https://intranet", noDot("intranet")},
		{"https://.x.org", badHost(".x.org")},
		{"https://x.org./", `has "x.org." as its host, which is not a public ` +
			`domain name: write it without the final dot`},
		{"http://a b.org", `has "a b.org" as its host, which is not a public ` +
			`domain name: a domain name has no spaces`},
		{"https://example.org/our work", "must not contain spaces: " +
			"write a space in a path or query as %20"},
		{"https:///path", "has no host: write the address as https://example.org"},
		{"ftp://example.org", notHTTP},
		{"mailto:info@example.org", notHTTP},
	}
	for _, c := range cases {
		assertLinkProblem(t, c.url, c.want)
	}
}

// assertLinkProblem checks that Validate accepts url as an organization's
// website and as its social link when want is "", and otherwise refuses
// it in both with the message want.
func assertLinkProblem(t *testing.T, url, want string) {
	t.Helper()

	for _, field := range []string{"website", "social_links[0]"} {
		o := validOrganization()
		if field == "website" {
			o.Website = url
		} else {
			o.SocialLinks = []string{url}
		}

		if want == "" {
			o.Normalize()
			assert.NoError(t, o.Validate(), "%+q in %s", url, field)
			continue
		}
		assert.Equal(t, map[string]string{field: want},
			requireFields(t, o), "%+q in %s", url, field)
	}
}

func TestValidateRefusesWebAddressesOfIPAddresses(t *testing.T) {
	ip := func(addr string) string {
		return `must name a domain, not the IP address "` + addr + `"`
	}
	number := func(host string) string {
		return `has "` + host + `" as its host, which is not a domain ` +
			`name, as its last part is a number`
	}

	cases := []struct {
		url  string
		want string // "" when the address is valid
	}{
		{"http://127.0.0.1/", ip("127.0.0.1")},
		{"https://10.0.0.1", ip("10.0.0.1")},
		{"192.168.1.1", ip("192.168.1.1")},
		{"http://8.8.8.8:8080/dns", ip("8.8.8.8")},
		{"http://[::1]/", ip("::1")},
		{"https://[2001:db8::1]:8443/", ip("2001:db8::1")},
		{"http://[::ffff:127.0.0.1]/", ip("::ffff:127.0.0.1")},
		// 127.0.0.1 in full-width digits, which browsers look up as
		// 127.0.0.1.
		{"http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", ip("127.0.0.1")},
		// The same with ideographic full stops (U+3002).
		{"http://127\u30020\u30020\u30021/", ip("127.0.0.1")},
		{"http://1.2.3.4.5/", number("1.2.3.4.5")},
		{"http://127.1/", number("127.1")},
		{"http://0x7f.0.0.1/", number("0x7f.0.0.1")},
		{"https://example.0x1F/", number("example.0x1F")},
		{"https://example.123/", number("example.123")},
		{"https://1.example.org/", ""},
		{"https://360.com.tr/", ""},
		{"https://www.0x.org/", ""},
	}
	for _, c := range cases {
		assertLinkProblem(t, c.url, c.want)
	}
}

func TestValidateRefusesInvisibleCharactersInWebAddresses(t *testing.T) {
	invisible := func(code string) string {
		return "must not hold invisible or direction-control characters: " +
			"remove U+" + code
	}

	cases := []struct {
		url  string
		want string // "" when the address is valid
	}{
		// A right-to-left override shows the link as "x.org/exe.png".
		{"https://x.org/\u202egnp.exe", invisible("202E")},
		{"https://x.org/\u202aa", invisible("202A")},
		{"https://x.org/\u202bb", invisible("202B")},
		{"https://x.org/\u202cc", invisible("202C")},
		{"https://\u202dx.org/", invisible("202D")},
		{"https://x.org/?q=\u2066a\u2069", invisible("2066")},
		{"https://x.org/#\u2067a", invisible("2067")},
		{"https://x.org/\u2068a", invisible("2068")},
		{"https://x.org/a\u2069", invisible("2069")},
		{"https://x.org/\u200ea", invisible("200E")},
		{"https://x.org\u200f/", invisible("200F")},
		{"https://x.org/\u061ca", invisible("061C")},
		// Browsers drop these from a domain name and look up
		// example.org, so the address shown is not the one visited.
		{"https://exa\u200bmple.org/", invisible("200B")},
		{"https://exa\u00admple.org/", invisible("00AD")},
		{"https://exa\u2060mple.org/", invisible("2060")},
		{"https://exa\ufe0fmple.org/", invisible("FE0F")},
		{"https://\ufeffexample.org/", invisible("FEFF")},
		{"https://example.org/\U000e0041", invisible("E0041")},
		{"https://example.org/a\tb", "must not contain the control character U+0009"},
		{"https://example.org/a\x00", "must not contain the control character U+0000"},
		{"https://example.org/a\nb", "must be on one line: remove the line break U+000A"},
		{"https://example.org/\ue000", "must not contain the private-use " +
			"character U+E000, which each device shows differently"},
		{"https://example.org/\uffff", "must not contain U+FFFF, " +
			"which Unicode keeps out of text"},
		// Persian words hold the zero-width non-joiner, also in the
		// paths that browsers show decoded.
		{"https://fa.wikipedia.org/wiki/\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", ""},
	}
	for _, c := range cases {
		assertLinkProblem(t, c.url, c.want)
	}
}

func TestValidateRefusesDomainNamesThatMixScripts(t *testing.T) {
	mixed := func(host, scripts string) string {
		return `has "` + host + `" as its host, which mixes ` + scripts +
			` letters in one label, as look-alike names do`
	}

	cases := []struct {
		url  string
		want string // "" when the address is valid
	}{
		// apple.com with a Cyrillic a (U+0430), written as typed and
		// as punycode.
		{"https://\u0430pple.com", mixed("\u0430pple.com", "Cyrillic and Latin")},
		{"https://xn--pple-43d.com", mixed("xn--pple-43d.com", "Cyrillic and Latin")},
		{"https://www.g\u03bfogle.com/", mixed("www.g\u03bfogle.com", "Greek and Latin")},
		{"https://\u0441\u043e\u0441uk.org.tr", mixed("\u0441\u043e\u0441uk.org.tr", "Cyrillic and Latin")},
		{"https://\u00e7ocuk.org.tr/", ""},
		{"https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/", ""},
		{"https://\u0627\u0644\u0645\u0648\u0642\u0639.com/", ""},
		// Japanese mixes Han, Hiragana and Katakana in one word.
		{"https://\u4f8b\u3048.jp/", ""},
		{"https://\u30c9\u30e1\u30a4\u30f3\u540d\u4f8b.jp/", ""},
	}
	for _, c := range cases {
		assertLinkProblem(t, c.url, c.want)
	}
}
