package cso_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

func TestValidateNamesListEntriesByTheIndexTheyWereSentAt(t *testing.T) {
	const (
		notPhone = "must be a phone number such as +90 212 555 12 12"
		notHTTP  = "must be an http or https address"
		empty    = "is empty: fill it in or remove it"
	)
	unknownTag := func(tag string) string {
		return `unknown language tag "` + tag + `" ` +
			`(use a BCP 47 tag such as tr, en or ar-SY)`
	}

	cases := []struct {
		name   string
		change func(o *cso.Organization)
		want   map[string]string
	}{
		{"languages in reverse order", func(o *cso.Organization) {
			o.Services[0].Languages = []string{"xx", "klingon"}
		}, map[string]string{
			"services[0].languages[0]": unknownTag("xx"),
			"services[0].languages[1]": unknownTag("klingon"),
		}},
		{"a bad language after a repeat", func(o *cso.Organization) {
			o.Services[0].Languages = []string{"tr", "tr", "qqq1"}
		}, map[string]string{
			"services[0].languages[2]": unknownTag("qqq1"),
		}},
		{"bad service areas around a repeat", func(o *cso.Organization) {
			o.Services[0].Areas = []string{"zzz", "health", "health", "yyy"}
		}, map[string]string{
			"services[0].service_areas[0]": `unknown service area "zzz"`,
			"services[0].service_areas[3]": `unknown service area "yyy"`,
		}},
		{"a bad target group after a repeat", func(o *cso.Organization) {
			o.Services[0].TargetGroups = []string{"Women", "women", "nobody"}
		}, map[string]string{
			"services[0].target_groups[2]": `unknown target group "nobody"`,
		}},
		{"unknown provinces before and after known ones", func(o *cso.Organization) {
			o.Services[0].Provinces = []int{99, 34, 34, 0}
		}, map[string]string{
			"services[0].provinces[0]": "unknown province plate code 99 (use 1–81)",
			"services[0].provinces[3]": "unknown province plate code 0 (use 1–81)",
		}},
		{"a bad language in the second service", func(o *cso.Organization) {
			o.Services = append(o.Services, o.Services[0])
			o.Services[1].Languages = []string{"ar", "AR", "qqq1"}
		}, map[string]string{
			"services[1].languages[2]": unknownTag("qqq1"),
		}},
		{"a bad phone after a repeat", func(o *cso.Organization) {
			o.Phones = []string{"0532 555 12 12", "0532 555 12 12", "123"}
		}, map[string]string{"phones[2]": notPhone}},
		{"a bad phone after a blank", func(o *cso.Organization) {
			o.Phones = []string{"0532 555 12 12", " ", "123"}
		}, map[string]string{"phones[1]": empty, "phones[2]": notPhone}},
		{"a bad link after a repeat", func(o *cso.Organization) {
			o.SocialLinks = []string{"x.org", "https://x.org", "ftp://y.org"}
		}, map[string]string{"social_links[2]": notHTTP}},
		{"a bad link after a blank", func(o *cso.Organization) {
			o.SocialLinks = []string{"", "https://x.org", "ftp://y.org"}
		}, map[string]string{
			"social_links[0]": empty, "social_links[2]": notHTTP,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.change(o)
			assert.Equal(t, c.want, requireFields(t, o))
		})
	}
}

func TestNormalizeKeepsAListWithABadEntryAsSent(t *testing.T) {
	o := validOrganization()
	o.Phones = []string{"0532 555 12 12", "+905325551212", "", "123"}
	o.Services[0].Areas = []string{"Health", "zzz", "health"}
	o.Services[0].Provinces = []int{34, 99, 6}

	o.Normalize()

	// Each entry is written in its stored form where it can be, but
	// stays where it was sent.
	assert.Equal(t, []string{"+905325551212", "+905325551212", "", "123"}, o.Phones)
	assert.Equal(t, []string{"health", "zzz", "health"}, o.Services[0].Areas)
	assert.Equal(t, []int{34, 99, 6}, o.Services[0].Provinces)
}

func TestNormalizeLeavesTheCallersProvincesInTheirOrder(t *testing.T) {
	provinces := []int{34, 6, 1}
	o := validOrganization()
	o.Services[0].Provinces = provinces

	o.Normalize()

	assert.Equal(t, []int{1, 6, 34}, o.Services[0].Provinces)
	assert.Equal(t, []int{34, 6, 1}, provinces)
}

func TestValidateRefusesAListOverItsMaximumNamingTheField(t *testing.T) {
	// The maxima are those of the validate tags: 10 phones and links, 20
	// service areas and target groups, 30 languages.
	phones := make([]string, 11)
	for i := range phones {
		phones[i] = fmt.Sprintf("0532 555 12 %02d", i)
	}
	links := make([]string, 11)
	for i := range links {
		links[i] = fmt.Sprintf("example.org/%d", i)
	}
	repeated := func(n int, entry string) []string {
		list := make([]string, n)
		for i := range list {
			list[i] = entry
		}
		return list
	}

	cases := []struct {
		name   string
		change func(o *cso.Organization)
		want   map[string]string
	}{
		{"eleven phones", func(o *cso.Organization) {
			o.Phones = phones
		}, map[string]string{"phones": "must have at most 10 entries"}},
		{"eleven links", func(o *cso.Organization) {
			o.SocialLinks = links
		}, map[string]string{"social_links": "must have at most 10 entries"}},
		{"a hundred thousand bad phones", func(o *cso.Organization) {
			o.Phones = repeated(100_000, "123")
		}, map[string]string{"phones": "must have at most 10 entries"}},
		// Repeats are not dropped from a list that is too long, even when
		// dropping them would bring it under its maximum.
		{"twenty-one repeats of a service area", func(o *cso.Organization) {
			o.Services[0].Areas = repeated(21, "Health")
		}, map[string]string{
			"services[0].service_areas": "must have at most 20 entries",
		}},
		{"twenty-one repeats of a target group", func(o *cso.Organization) {
			o.Services[0].TargetGroups = repeated(21, "women")
		}, map[string]string{
			"services[0].target_groups": "must have at most 20 entries",
		}},
		{"thirty-one repeats of a language", func(o *cso.Organization) {
			o.Services[0].Languages = repeated(31, "TR")
		}, map[string]string{
			"services[0].languages": "must have at most 30 entries",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.change(o)
			assert.Equal(t, c.want, requireFields(t, o))
		})
	}
}

func TestNormalizeTidiesAListOfExactlyItsMaximum(t *testing.T) {
	o := validOrganization()
	o.Phones = make([]string, 10)
	for i := range o.Phones {
		o.Phones[i] = fmt.Sprintf("0532 555 12 %02d", i%5)
	}
	o.Services[0].Languages = make([]string, 30)
	for i := range o.Services[0].Languages {
		o.Services[0].Languages[i] = []string{"TR", "ar-sy", "en"}[i%3]
	}

	o.Normalize()

	assert.Equal(t, []string{
		"+905325551200", "+905325551201", "+905325551202",
		"+905325551203", "+905325551204",
	}, o.Phones)
	assert.Equal(t, []string{"ar-SY", "en", "tr"}, o.Services[0].Languages)
	assert.NoError(t, o.Validate())
}

// BenchmarkNormalize normalizes an organization that sends far more links
// than it may: about what a 1 MiB request body holds. Its baseline, in
// the same run, is dropping the repeats of the same links with a map,
// which is the least that reading each link would cost.
func BenchmarkNormalize(b *testing.B) {
	const n = 40_000
	links := make([]string, n)
	for i := range links {
		links[i] = fmt.Sprintf("example.org/page/%d", i)
	}

	b.Run(fmt.Sprintf("%d-links", n), func(b *testing.B) {
		o := validOrganization()
		for b.Loop() {
			o.SocialLinks = links
			o.Normalize()
		}
	})

	b.Run(fmt.Sprintf("%d-links/map-dedup", n), func(b *testing.B) {
		for b.Loop() {
			seen := make(map[string]bool, len(links))
			for _, link := range links {
				seen[link] = true
			}
		}
	})
}
