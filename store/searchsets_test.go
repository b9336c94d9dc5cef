package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// labelOrg is what TestLabelSearchPages knows of an organization it
// wrote: whether its name says "Çocuk", whether its description says
// "Çocuklar", whether its service is for children (Çocuklar) and in
// education (Eğitim), its province and its status.
type labelOrg struct {
	named, described, children, education bool
	province                              int
	status                                cso.Status
}

// newLabelOrg returns the attributes of the i-th organization.
func newLabelOrg(i int) labelOrg {
	status := cso.StatusActive
	if i%7 == 3 {
		status = cso.StatusClosed
	}
	return labelOrg{
		named:     i%15 == 1,
		described: i%5 == 0,
		children:  i%3 == 0,
		education: i%4 == 0,
		province:  []int{34, 6}[i%2],
		status:    status,
	}
}

// slug returns the slug of the i-th organization. The slugs sort as the
// names do: the "Çocuk" names before the "Kurum" ones, then by number.
func (l labelOrg) slug(i int) string {
	if l.named {
		return fmt.Sprintf("a-cocuk-%03d", i)
	}
	return fmt.Sprintf("b-kurum-%03d", i)
}

func (l labelOrg) organization(i int) *cso.Organization {
	name := fmt.Sprintf("Kurum %03d", i)
	if l.named {
		name = fmt.Sprintf("Çocuk Kurumu %03d", i)
	}
	service := cso.Service{
		Name:      cso.Text{"tr": "Hizmet"},
		Areas:     []string{"health"},
		Provinces: []int{l.province},
	}
	if l.education {
		service.Areas = []string{"education"}
	}
	if l.children {
		service.TargetGroups = []string{"children"}
	}
	o := &cso.Organization{
		Slug:     l.slug(i),
		Name:     cso.Text{"tr": name},
		Kind:     cso.KindAssociation,
		Status:   l.status,
		Services: []cso.Service{service},
	}
	if l.described {
		o.Description = cso.Text{"tr": "Çocuklar için oyun odası."}
	}
	return o
}

// labelWant returns the slugs that the text "cocuk", or "cocuk egitim"
// with education, finds among the known organizations with the filters
// of q: those whose names say Çocuk first, then the others, each in the
// order of their slugs.
func labelWant(known map[int]labelOrg, q cso.Query, education bool) []string {
	statuses := q.Statuses
	if len(statuses) == 0 {
		statuses = []cso.Status{cso.StatusActive, cso.StatusInactive}
	}

	var named, others []string
	for i, l := range known {
		matches := (l.named || l.described || l.children) &&
			(!education || l.education) &&
			(q.Province == 0 || q.Province == l.province) &&
			slices.Contains(statuses, l.status)
		switch {
		case !matches:
		case l.named && !education:
			named = append(named, l.slug(i))
		default:
			others = append(others, l.slug(i))
		}
	}
	slices.Sort(named)
	slices.Sort(others)
	return append(append([]string{}, named...), others...)
}

// TestLabelSearchPages writes organizations that "cocuk" finds by their
// names, their descriptions or the label of their target group
// (Çocuklar), moves some to another province and deletes others, and
// pages through searches with text, filters and statuses: each returns,
// in order and with the right total, the organizations the test itself
// knows to match. The groups of name matches and of the others are of
// such sizes that pages of one and of seven take both ways to a page,
// walking the sort index and looking up the matches.
func TestLabelSearchPages(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()

			known := map[int]labelOrg{}
			var bulk []*cso.Organization
			for i := range 90 {
				known[i] = newLabelOrg(i)
				bulk = append(bulk, known[i].organization(i))
			}
			require.NoError(t, s.(cso.BulkCreator).CreateOrganizations(ctx, bulk))

			for i := 0; i < 90; i += 10 { // moved to Ankara
				l := known[i]
				o, err := s.Organization(ctx, l.slug(i))
				require.NoError(t, err)
				o.Services[0].Provinces = []int{6}
				require.NoError(t, s.UpdateOrganization(ctx, o))
				l.province = 6
				known[i] = l
			}
			for i := 2; i < 90; i += 17 {
				require.NoError(t, s.DeleteOrganization(ctx, known[i].slug(i), 0))
				delete(known, i)
			}

			tests := []struct {
				q         cso.Query
				education bool
			}{
				{cso.Query{Text: "cocuk"}, false},
				{cso.Query{Text: "ÇOCUK", Province: 34}, false},
				{cso.Query{Text: "cocuk", Statuses: []cso.Status{cso.StatusClosed}}, false},
				{cso.Query{Text: "cocuk egitim"}, true},
				{cso.Query{Text: "eğitim çocuk", Province: 6}, true},
			}
			for _, tt := range tests {
				want := labelWant(known, tt.q, tt.education)
				require.NotEmpty(t, want, "query %+v", tt.q)
				for _, limit := range []int{1, 7, 100} {
					got, total := allPages(t, s, tt.q, limit)
					assert.Equal(t, want, got, "query %+v in pages of %d", tt.q, limit)
					assert.Equal(t, len(want), total, "total of query %+v", tt.q)
				}
			}
		})
	}
}

// TestNameHoldsTerms checks the rank group of a word match on SQLite: a
// word of the name key must start with each term, as a prefix search of
// the full-text index would find it in the name.
func TestNameHoldsTerms(t *testing.T) {
	const name = "umut cocuklari dernegi hope for children"
	tests := []struct {
		terms []string
		want  bool
	}{
		{[]string{"umut"}, true},
		{[]string{"cocuk"}, true},
		{[]string{"cocuk", "hope", "der"}, true},
		{[]string{"ernegi"}, false},
		{[]string{"cocuk", "vakif"}, false},
		{[]string{"children", "umut"}, true},
		{[]string{"childrens"}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, nameHoldsTerms(name, tt.terms), "%v", tt.terms)
	}
	assert.False(t, nameHoldsTerms("", []string{"umut"}))
}
