package cso_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

// Valid BCP 47 tags of a language and private-use subtags: tag35 has
// 5 + 3×9 + 3 = 35 characters, tag36 one more and tag2256
// 5 + 250×9 + 1 = 2,256, more than PostgreSQL takes as one word.
const (
	tag35 = "en-x-abcdefgh-abcdefgh-abcdefgh-abc"
	tag36 = "en-x-abcdefgh-abcdefgh-abcdefgh-abcd"
)

var tag2256 = "en-x-" + strings.Repeat("abcdefgh-", 250) + "a"

func TestLanguageTagOf35CharactersIsValid(t *testing.T) {
	require.Len(t, tag35, 35)

	o := validOrganization()
	o.Services[0].Languages = []string{"ar", tag35}
	o.Description[tag35] = "Private-use English"
	o.Normalize()
	assert.NoError(t, o.Validate())

	q := cso.Query{Language: tag35}
	q.Normalize()
	assert.NoError(t, q.Validate())
}

func TestLongLanguageTagsAreRefused(t *testing.T) {
	require.Len(t, tag36, 36)
	require.Len(t, tag2256, 2256)
	const rule = " characters long: a language tag has at most 35, " +
		"such as tr, en or ar-SY"

	cases := []struct {
		name   string
		change func(o *cso.Organization)
		path   string
		want   string
	}{
		{"service language of 36", func(o *cso.Organization) {
			o.Services[0].Languages = []string{"ar", tag36}
		}, "services[0].languages[1]", "is 36" + rule},
		{"service language of 2256", func(o *cso.Organization) {
			o.Services[0].Languages = []string{tag2256}
		}, "services[0].languages[0]", "is 2256" + rule},
		{"description in a language of 2256", func(o *cso.Organization) {
			o.Description[tag2256] = "Private-use English"
		}, "description", "has a tag 2256" + rule},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.change(o)
			assert.Equal(t, map[string]string{c.path: c.want}, requireFields(t, o))
		})
	}
}

func TestLongQueryLanguageIsRefused(t *testing.T) {
	q := cso.Query{Language: tag2256}
	q.Normalize()

	var verr *cso.ValidationError
	require.ErrorAs(t, q.Validate(), &verr)
	assert.Equal(t, map[string]string{
		"language": "is 2256 characters long: a language tag has at most 35, " +
			"such as tr, en or ar-SY",
	}, verr.Fields)
}

func TestReadCSVRefusesLongLanguageTags(t *testing.T) {
	const head = "name_tr,kind,service_areas,languages\n"
	row := "Uzun Dil,association,health,tr;" + tag36 + "\n"

	_, err := cso.ReadCSV(strings.NewReader(head + row))
	var ie *cso.ImportError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, []cso.RowError{{Line: 2, Column: "languages",
		Reason: "has a tag 36 characters long: a language tag has at most 35, " +
			"such as tr, en or ar-SY"}}, ie.Rows)
}
