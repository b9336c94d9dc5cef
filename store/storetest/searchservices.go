package storetest

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// service returns a service in the area for the group (if any) in the
// language (if any) and the provinces.
func service(area, group, lang string, provinces ...int) cso.Service {
	return withService(&cso.Organization{}, area, group, lang, provinces...).Services[0]
}

// servicedOrgs are the organizations of the tests of filters that one
// service must meet. Their filter values, worked out by hand:
//
//	yardim        health/women/fa in 6; legal/children/tr in 34
//	hukuk-farsca  legal/women/fa in 34
//	izmir-ofis    public office in 35, confidential office in 34;
//	              health/children/ar with no provinces (so in 35);
//	              legal/women/ar-SY in 6
//	siginma-evi   confidential office in 34 only; psychosocial/women/fa
//	              with no provinces (so in none)
//	dari          public office in 6; legal/children/fa-AF with no
//	              provinces (so in 6); education/youth/tr in 34
func servicedOrgs() []*cso.Organization {
	yardim := newOrg("yardim", "Yardım Derneği")
	yardim.Services = []cso.Service{
		service("health", "women", "fa", 6),
		service("legal_counseling", "children", "tr", 34),
	}

	farsca := newOrg("hukuk-farsca", "Farsça Hukuk Derneği")
	farsca.Services = []cso.Service{service("legal_counseling", "women", "fa", 34)}

	izmir := newOrg("izmir-ofis", "İzmir Ofis Derneği")
	izmir.Offices = []cso.Office{
		{Address: "Alsancak Mah. 5", District: "Konak", Province: 35},
		{Address: "Gizli Sok. 1", District: "Fatih", Province: 34, Confidential: true},
	}
	izmir.Services = []cso.Service{
		service("health", "children", "ar"),
		service("legal_counseling", "women", "ar-SY", 6),
	}

	shelter := newOrg("siginma-evi", "Sığınma Evi Derneği")
	shelter.Offices = []cso.Office{
		{Address: "Gizli Sok. 2", District: "Üsküdar", Province: 34, Confidential: true},
	}
	shelter.Services = []cso.Service{service("psychosocial_support", "women", "fa")}

	dari := newOrg("dari", "Dari Destek Derneği")
	dari.Offices = []cso.Office{{Address: "Kızılay Mah. 9", District: "Çankaya", Province: 6}}
	dari.Services = []cso.Service{
		service("legal_counseling", "children", "fa-AF"),
		service("education", "youth", "tr", 34),
	}
	return []*cso.Organization{yardim, farsca, izmir, shelter, dari}
}

// servicedCases are searches of servicedOrgs with what they find, in
// Turkish alphabetical order: Dari, Farsça, İzmir, Sığınma, Yardım.
var servicedCases = []struct {
	name string
	q    cso.Query
	want []string
}{
	// The report: each filter is met by some service of yardim, never
	// all of them by one.
	{"health in Istanbul", cso.Query{ServiceArea: "health", Province: 34}, []string{}},
	{"legal in Farsi", cso.Query{ServiceArea: "legal_counseling", Language: "fa"},
		[]string{"dari", "hukuk-farsca"}},
	{"women in Istanbul", cso.Query{TargetGroup: "women", Province: 34},
		[]string{"hukuk-farsca"}},
	{"health for children", cso.Query{ServiceArea: "health", TargetGroup: "children"},
		[]string{"izmir-ofis"}},
	{"all four", cso.Query{ServiceArea: "health", TargetGroup: "women", Language: "fa", Province: 6},
		[]string{"yardim"}},

	// A province alone keeps its meaning: a public office or a service
	// there; a confidential office is not one.
	{"province alone", cso.Query{Province: 34}, []string{"dari", "hukuk-farsca", "yardim"}},
	{"office province alone", cso.Query{Province: 35}, []string{"izmir-ofis"}},
	{"province and text", cso.Query{Province: 6, Text: "dernegi"},
		[]string{"dari", "izmir-ofis", "yardim"}},

	// A service without provinces is where the public offices are; one
	// with provinces only there.
	{"office province", cso.Query{ServiceArea: "health", Province: 35}, []string{"izmir-ofis"}},
	{"own provinces", cso.Query{ServiceArea: "legal_counseling", Province: 35}, []string{}},
	{"own or office province", cso.Query{ServiceArea: "legal_counseling", Province: 6},
		[]string{"dari", "izmir-ofis"}},
	{"confidential office", cso.Query{ServiceArea: "psychosocial_support", Province: 34},
		[]string{}},
	{"one filter alone", cso.Query{ServiceArea: "psychosocial_support"},
		[]string{"siginma-evi"}},

	// Languages match their base language and variants, per service.
	{"variant finds base", cso.Query{Language: "ar-SY", Province: 35}, []string{"izmir-ofis"}},
	{"base finds variant", cso.Query{Language: "ar", Province: 6}, []string{"izmir-ofis"}},
	{"other variant", cso.Query{Language: "ar-EG", Province: 6}, []string{}},
	{"variant and area", cso.Query{Language: "fa-IR", ServiceArea: "legal_counseling"},
		[]string{"hukuk-farsca"}},
	{"language alone", cso.Query{Language: "fa"},
		[]string{"dari", "hukuk-farsca", "siginma-evi", "yardim"}},

	// With text.
	{"text", cso.Query{Text: "dernegi", ServiceArea: "legal_counseling", Language: "fa"},
		[]string{"dari", "hukuk-farsca"}},
	{"text in name", cso.Query{Text: "yardim", ServiceArea: "health", Province: 34}, []string{}},
}

func checkServicedCases(t *testing.T, s cso.Store) {
	t.Helper()
	for _, tt := range servicedCases {
		assertFinds(t, s, tt.q, tt.want)

		got, total := followPages(t, s, tt.q, 1)
		assert.Equal(t, tt.want, got, "%s in pages of one", tt.name)
		assert.Equal(t, len(tt.want), total, "total of %s in pages of one", tt.name)
	}
}

func testSearchOneService(t *testing.T, s cso.Store) {
	orgs := servicedOrgs()
	mustCreate(t, s, orgs...)
	checkServicedCases(t, s)

	// Moving yardim's legal service to Farsi makes it a match; deleting
	// hukuk-farsca takes it out.
	ctx := context.Background()
	yardim := orgs[0]
	yardim.Services[1].Languages = []string{"fa"}
	require.NoError(t, s.UpdateOrganization(ctx, yardim))
	farsca := orgs[1]
	require.NoError(t, s.DeleteOrganization(ctx, farsca.Slug, farsca.Version))

	for _, tt := range []struct {
		q    cso.Query
		want []string
	}{
		{cso.Query{ServiceArea: "legal_counseling", Language: "fa"}, []string{"dari", "yardim"}},
		{cso.Query{ServiceArea: "legal_counseling", Language: "fa", Province: 34},
			[]string{"yardim"}},
		{cso.Query{TargetGroup: "women", Province: 34}, []string{}},
		{cso.Query{ServiceArea: "health", Language: "fa"}, []string{"yardim"}},
	} {
		assertFinds(t, s, tt.q, tt.want)
	}
}

// testSearchOneServiceBulk checks the same searches on organizations
// created together, if the store can, else one by one.
func testSearchOneServiceBulk(t *testing.T, s cso.Store) {
	orgs := servicedOrgs()
	if bulk, ok := s.(cso.BulkCreator); ok {
		require.NoError(t, bulk.CreateOrganizations(context.Background(), orgs))
	} else {
		mustCreate(t, s, orgs...)
	}
	checkServicedCases(t, s)
}

func testSearchOneServicePages(t *testing.T, s cso.Store) {
	legal := func(provinces ...int) cso.Service {
		return service("legal_counseling", "", "", provinces...)
	}
	health := func(provinces ...int) cso.Service {
		return service("health", "", "", provinces...)
	}
	org := func(slug, name, description string, status cso.Status, svcs ...cso.Service) *cso.Organization {
		o := newOrg(slug, name)
		if description != "" {
			o.Description = cso.Text{"tr": description}
		}
		o.Status = status
		o.Services = svcs
		return o
	}
	active, inactive, closed := cso.StatusActive, cso.StatusInactive, cso.StatusClosed

	office := org("p6", "Ekin Derneği", "Hukuk danışma.", active, legal())
	office.Offices = []cso.Office{{Address: "Merkez", Province: 34}}
	hidden := org("p7", "Fidan Hukuk Derneği", "", active, legal())
	hidden.Offices = []cso.Office{{Address: "Gizli", Province: 34, Confidential: true}}
	mustCreate(t, s,
		org("p1", "Adalet Hukuk Derneği", "", active, legal(34)),
		org("p2", "Bereket Derneği", "Hukuk yardımı.", active, legal(34)),
		org("p3", "Ceren Hukuk Derneği", "", active, legal(6), health(34)),
		org("p4", "Çınar Hukuk Derneği", "", active, legal(34, 6)),
		org("p5", "Deniz Derneği", "Hukuk.", active, health(34), legal(1)),
		office, hidden,
		org("p8", "Gül Hukuk Derneği", "", inactive, legal(34)),
		org("p9", "Hayat Hukuk Derneği", "", closed, legal(34)),
	)

	// p3 and p5 have legal counseling and a service in 34, not one
	// service with both; p7's office is confidential; p9 is closed.
	// With text, those with "hukuk" in their names come first.
	tests := []struct {
		q    cso.Query
		want []string
	}{
		{cso.Query{ServiceArea: "legal_counseling", Province: 34},
			[]string{"p1", "p2", "p4", "p6", "p8"}},
		{cso.Query{Text: "hukuk", ServiceArea: "legal_counseling", Province: 34},
			[]string{"p1", "p4", "p8", "p2", "p6"}},
		{cso.Query{ServiceArea: "legal_counseling", Province: 34,
			Statuses: []cso.Status{cso.StatusActive}},
			[]string{"p1", "p2", "p4", "p6"}},
		{cso.Query{ServiceArea: "legal_counseling", Province: 34,
			Statuses: []cso.Status{cso.StatusClosed}},
			[]string{"p9"}},
	}
	for _, tt := range tests {
		for _, limit := range []int{1, 2, 3, 20} {
			got, total := followPages(t, s, tt.q, limit)
			assert.Equal(t, tt.want, got, "%+v in pages of %d", tt.q, limit)
			assert.Equal(t, len(tt.want), total, "total of %+v in pages of %d", tt.q, limit)
		}
	}

	// A page token that points past the last match still counts them
	// all: p8, which would fill the next page, is gone.
	q := cso.Query{ServiceArea: "legal_counseling", Province: 34, Limit: 4}
	first := mustSearch(t, s, q)
	require.Equal(t, []string{"p1", "p2", "p4", "p6"}, slugs(first))
	require.NotEmpty(t, first.NextPageToken)
	require.NoError(t, s.DeleteOrganization(context.Background(), "p8", 0))

	q.PageToken = first.NextPageToken
	next := mustSearch(t, s, q)
	assert.Empty(t, next.Items)
	assert.Equal(t, 4, next.Total)
	assert.Empty(t, next.NextPageToken)
}
