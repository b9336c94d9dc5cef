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
		{"https://192.168.1.10/", ""},
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
		{"https://localhost/", notHTTP},
		{"https://.x.org", notHTTP},
		{"https://x.org./", notHTTP},
	}
	for _, c := range cases {
		for _, field := range []string{"website", "social_links[0]"} {
			o := validOrganization()
			if field == "website" {
				o.Website = c.url
			} else {
				o.SocialLinks = []string{c.url}
			}

			if c.want == "" {
				o.Normalize()
				assert.NoError(t, o.Validate(), "%s in %s", c.url, field)
				continue
			}
			assert.Equal(t, map[string]string{field: c.want},
				requireFields(t, o), "%s in %s", c.url, field)
		}
	}
}
