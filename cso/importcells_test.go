package cso_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

// A service area that a cell names twice gives one service, and a file
// that names it in other ways again changes nothing.
func TestImportMakesOneServicePerAreaNamedTwice(t *testing.T) {
	const header = "slug,name_tr,kind,service_areas,target_groups,languages,provinces\n"
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		report, err := importFile(t, dir, header+
			"umut,Umut Derneği,association,health;health,women,ar;tr,34\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Created: 1}, *report)

		services := getOrganization(t, dir, "umut").Services
		require.Len(t, services, 1)
		assert.Equal(t, []string{"health"}, services[0].Areas)

		report, err = importFile(t, dir, header+
			"umut,Umut Derneği,association,HEALTH;health;Health,"+
			"women;Women,AR;ar;tr,34;İstanbul\n")
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Unchanged: 1}, *report)
		assert.Len(t, getOrganization(t, dir, "umut").Services, 1)
	})
}

// An export imports again, social links with a ';' inside among them:
// the link is stored with %3B, which names the same address.
func TestImportReadsAnExportOfLinksWithSemicolons(t *testing.T) {
	ctx := context.Background()
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		o := &cso.Organization{
			Slug:        "umut",
			Name:        cso.Text{"tr": "Umut Derneği"},
			Kind:        cso.KindAssociation,
			SocialLinks: []string{"https://x.com/a;b", "https://example.org/c"},
		}
		_, err := dir.Create(ctx, cso.Admin(), o)
		require.NoError(t, err)

		var b bytes.Buffer
		stored := getOrganization(t, dir, "umut")
		require.NoError(t, cso.WriteCSV(&b, []*cso.Organization{stored}))
		report, err := importFile(t, dir, b.String())
		require.NoError(t, err)
		assert.Equal(t, cso.ImportReport{Updated: 1}, *report)

		links := getOrganization(t, dir, "umut").SocialLinks
		assert.Equal(t, []string{"https://x.com/a%3Bb", "https://example.org/c"}, links)
		assert.Equal(t, addressOf(t, "https://x.com/a;b"), addressOf(t, links[0]))
	})
}
