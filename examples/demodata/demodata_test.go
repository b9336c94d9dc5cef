package demodata_test

import (
	"bytes"
	"io"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/examples/demodata"
)

// byShortName returns the organization with the short name.
func byShortName(t *testing.T, orgs []*cso.Organization, short string) *cso.Organization {
	t.Helper()
	i := slices.IndexFunc(orgs, func(o *cso.Organization) bool {
		return o.ShortName == short
	})
	require.GreaterOrEqual(t, i, 0, "no organization %q", short)
	return orgs[i]
}

// offers reports whether o has a service in the area and the province.
func offers(o *cso.Organization, area string, province int) bool {
	for _, s := range o.Services {
		if slices.Contains(s.Areas, area) && slices.Contains(s.Provinces, province) {
			return true
		}
	}
	return false
}

func TestOrganizationsAreTheFiftySeven(t *testing.T) {
	orgs, err := demodata.Organizations()
	require.NoError(t, err)
	require.Len(t, orgs, 57)

	kinds := map[cso.Kind]int{}
	for _, o := range orgs {
		kinds[o.Kind]++
		assert.Equal(t, cso.StatusActive, o.Status, o.Name["tr"])
		assert.NotEmpty(t, o.Name["tr"])
		for _, lang := range []string{"tr", "en"} {
			assert.NotEmpty(t, o.Description[lang], "%s in %s", o.Name["tr"], lang)
		}
		assert.NotEmpty(t, o.Services, o.Name["tr"])

		// No contact details of any person or office are published.
		assert.Empty(t, o.Phones, o.Name["tr"])
		assert.Empty(t, o.Email, o.Name["tr"])
		assert.Empty(t, o.Offices, o.Name["tr"])
		assert.Empty(t, o.RegistryID, o.Name["tr"])
	}

	assert.Equal(t, map[cso.Kind]int{
		cso.KindAssociation:   33,
		cso.KindFoundation:    10,
		cso.KindInternational: 10,
		cso.KindPlatform:      2,
		cso.KindOther:         2,
	}, kinds)
}

func TestOrganizationsKnownFacts(t *testing.T) {
	orgs, err := demodata.Organizations()
	require.NoError(t, err)

	asam := byShortName(t, orgs, "SGDD-ASAM")
	assert.Equal(t, "Sığınmacılar ve Göçmenlerle Dayanışma Derneği", asam.Name["tr"])
	assert.Equal(t, cso.KindAssociation, asam.Kind)
	assert.Equal(t, "https://sgdd.org.tr", asam.Website)
	assert.True(t, offers(asam, "legal_counseling", 34))
	assert.True(t, offers(asam, "psychosocial_support", 27))
	assert.Len(t, asam.Services, 8)
	assert.ElementsMatch(t, []string{"ar", "en", "fa", "fr", "so", "tr"},
		asam.Services[0].Languages)

	multeciDer := byShortName(t, orgs, "Mülteci-Der")
	assert.Equal(t, "Mültecilerle Dayanışma Derneği", multeciDer.Name["tr"])
	assert.True(t, offers(multeciDer, "legal_counseling", 35))

	kaos := byShortName(t, orgs, "Kaos GL")
	assert.Contains(t, kaos.Services[0].TargetGroups, "lgbti")
	assert.Contains(t, kaos.Services[0].Languages, "fa")
	assert.True(t, offers(kaos, "legal_counseling", 6))

	kizilay := byShortName(t, orgs, "Kızılay")
	assert.Equal(t, "Turkish Red Crescent", kizilay.Name["en"])
	assert.True(t, offers(kizilay, "basic_needs", 63))

	assert.Equal(t, cso.KindInternational, byShortName(t, orgs, "DRC").Kind)
	assert.True(t, offers(byShortName(t, orgs, "IBC"), "health", 79))
	assert.True(t, offers(byShortName(t, orgs, "RRT"), "legal_counseling", 65))
	assert.Contains(t, byShortName(t, orgs, "RRT").Services[0].TargetGroups, "detained")
	assert.Contains(t, byShortName(t, orgs, "METİDER").Services[0].TargetGroups,
		"seasonal_workers")
	assert.Equal(t, cso.KindPlatform, byShortName(t, orgs, "ADA Türkiye").Kind)
	assert.Len(t, byShortName(t, orgs, "ADA Türkiye").Services[0].Provinces, 24)
}

func TestCSVStartsOverOnEveryCall(t *testing.T) {
	first, err := io.ReadAll(demodata.CSV())
	require.NoError(t, err)
	second, err := io.ReadAll(demodata.CSV())
	require.NoError(t, err)

	assert.True(t, bytes.HasPrefix(first, []byte("slug,name_tr,")))
	assert.Equal(t, first, second)
}

// The demo data survives an export and a new import unchanged.
func TestOrganizationsRoundTripThroughWriteCSV(t *testing.T) {
	orgs, err := demodata.Organizations()
	require.NoError(t, err)

	var b bytes.Buffer
	require.NoError(t, cso.WriteCSV(&b, orgs))
	back, err := cso.ReadCSV(&b)
	require.NoError(t, err)
	assert.Equal(t, orgs, back)
}
