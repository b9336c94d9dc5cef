package storetest

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// awkwardText holds what escaping code tends to get wrong: backslashes,
// one before "u0000" and one before a quote, quotes of both kinds, JSON
// and SQL comment markers, and right-to-left text.
const awkwardText = `C:\u0000 \' "q" it's \\n -- /* */ {"a":1} طريق`

// testTextVerbatim stores awkwardText in every text that a store keeps
// as a list or a map, by create and by update, and reads back exactly
// what it stored, also from a search.
func testTextVerbatim(t *testing.T, s cso.Store) {
	ctx := context.Background()
	o := newOrg("ters-bolu", "Ters Bölü Derneği")
	fill := func(o *cso.Organization, text string) {
		o.Description = cso.Text{"tr": text, "ar": text}
		o.Offices = []cso.Office{{Name: cso.Text{"tr": text}, Address: text,
			District: text, Province: 34}}
		o.Services = []cso.Service{{Name: cso.Text{"tr": text},
			Description: cso.Text{"en": text}, Eligibility: cso.Text{"tr": text},
			RequiredDocuments: cso.Text{"tr": text}}}
	}
	fill(o, awkwardText)
	mustCreate(t, s, o)

	got, err := s.Organization(ctx, o.Slug)
	require.NoError(t, err)
	assert.Equal(t, awkwardText, got.Description["ar"])
	assert.Equal(t, awkwardText, got.Offices[0].Address)
	assert.Equal(t, awkwardText, got.Offices[0].Name["tr"])
	assert.Equal(t, awkwardText, got.Services[0].RequiredDocuments["tr"])

	fill(got, awkwardText+awkwardText)
	require.NoError(t, s.UpdateOrganization(ctx, got))
	res := mustSearch(t, s, cso.Query{Text: "ters bolu"})
	require.Len(t, res.Items, 1)
	found := res.Items[0]
	assert.Equal(t, awkwardText+awkwardText, found.Description["tr"])
	assert.Equal(t, awkwardText+awkwardText, found.Offices[0].District)
	assert.Equal(t, awkwardText+awkwardText, found.Services[0].Description["en"])
	assert.Equal(t, awkwardText+awkwardText, found.Services[0].Eligibility["tr"])
}
