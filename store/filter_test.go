package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// filterOrg is what the filter tests know of an organization they wrote.
type filterOrg struct {
	province int
	area     string
	status   cso.Status
}

func (f filterOrg) organization(i int) *cso.Organization {
	return &cso.Organization{
		Slug:   fmt.Sprintf("kurum-%03d", i),
		Name:   cso.Text{"tr": fmt.Sprintf("Kurum %03d", i)},
		Kind:   cso.KindAssociation,
		Status: f.status,
		Services: []cso.Service{{
			Name:      cso.Text{"tr": "Hizmet"},
			Areas:     []string{f.area},
			Provinces: []int{f.province},
		}},
	}
}

// TestFiltersFollowWrites writes organizations one by one and in bulk,
// moves some to other provinces, closes and deletes others, and then
// pages through searches without text: each returns, in order and with
// the right total, the organizations the test itself knows to match.
// Searches of many matches and of few take different ways to a page.
func TestFiltersFollowWrites(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := OpenTestDB(t, dialect)
			s := db.Organizations()

			areas := []string{"health", "legal_counseling"}
			known := map[int]filterOrg{}
			for i := range 40 {
				known[i] = filterOrg{1 + i%3, areas[i%2], cso.StatusActive}
				require.NoError(t, s.CreateOrganization(ctx, known[i].organization(i)))
			}
			var bulk []*cso.Organization
			for i := 40; i < 70; i++ {
				known[i] = filterOrg{1 + i%3, areas[i/3%2], cso.StatusActive}
				bulk = append(bulk, known[i].organization(i))
			}
			require.NoError(t, s.(cso.BulkCreator).CreateOrganizations(ctx, bulk))

			for i := 0; i < 70; i += 7 { // moved to Ankara
				o, err := s.Organization(ctx, fmt.Sprintf("kurum-%03d", i))
				require.NoError(t, err)
				o.Services[0].Provinces = []int{6}
				require.NoError(t, s.UpdateOrganization(ctx, o))
				known[i] = filterOrg{6, known[i].area, known[i].status}
			}
			for i := 3; i < 70; i += 11 { // closed
				o, err := s.Organization(ctx, fmt.Sprintf("kurum-%03d", i))
				require.NoError(t, err)
				o.Status = cso.StatusClosed
				require.NoError(t, s.UpdateOrganization(ctx, o))
				known[i] = filterOrg{known[i].province, known[i].area, cso.StatusClosed}
			}
			for i := 5; i < 70; i += 13 {
				require.NoError(t, s.DeleteOrganization(ctx, fmt.Sprintf("kurum-%03d", i), 0))
				delete(known, i)
			}

			queries := []cso.Query{
				{},
				{Province: 1},
				{Province: 6},
				{Province: 2, ServiceArea: "health"},
				{ServiceArea: "legal_counseling", Statuses: []cso.Status{cso.StatusClosed}},
				{Province: 81},
			}
			for _, q := range queries {
				want := expectedSlugs(known, q)
				got, total := allPages(t, s, q, 4)
				assert.Equal(t, want, got, "query %+v", q)
				assert.Equal(t, len(want), total, "total of query %+v", q)
			}
		})
	}
}

// expectedSlugs returns the slugs of the known organizations that q
// matches, in the order of their names, which is that of the slugs.
func expectedSlugs(known map[int]filterOrg, q cso.Query) []string {
	statuses := q.Statuses
	if len(statuses) == 0 {
		statuses = []cso.Status{cso.StatusActive, cso.StatusInactive}
	}

	want := []string{}
	for i, f := range known {
		if (q.Province == 0 || q.Province == f.province) &&
			(q.ServiceArea == "" || q.ServiceArea == f.area) &&
			slices.Contains(statuses, f.status) {
			want = append(want, fmt.Sprintf("kurum-%03d", i))
		}
	}
	slices.Sort(want)
	return want
}

// allPages follows the page tokens of q and returns the slugs found and
// the total the first page gave.
func allPages(t *testing.T, s cso.Store, q cso.Query, limit int) ([]string, int) {
	t.Helper()
	q.Limit = limit
	got := []string{}
	total := -1
	for range 100 {
		res, err := s.Search(context.Background(), q)
		require.NoError(t, err)
		if total < 0 {
			total = res.Total
		}
		assert.Equal(t, total, res.Total, "the total changed between pages")
		for _, o := range res.Items {
			got = append(got, o.Slug)
		}
		if res.NextPageToken == "" {
			return got, total
		}
		q.PageToken = res.NextPageToken
	}
	t.Fatalf("query %+v did not end after 100 pages", q)
	return nil, 0
}

// TestFacetBitmapsMatchFacetKeys writes organizations from many
// goroutines at once, through eight DBs as eight processes would, and
// compares the facet bitmaps with those the facet keys make: none may
// differ, and no write may fail.
func TestFacetBitmapsMatchFacetKeys(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			testFacetBitmapsUnderConcurrentWrites(t, dialect)
		})
	}
}

func testFacetBitmapsUnderConcurrentWrites(t *testing.T, dialect string) {
	ctx := context.Background()
	dsn := storetest.DSN(t, dialect)
	var dbs []*DB
	for range 8 {
		db, err := Open(ctx, dsn)
		require.NoError(t, err)
		t.Cleanup(func() { require.NoError(t, db.Close()) })
		dbs = append(dbs, db)
	}
	db := dbs[0]

	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for w := range 16 {
		s := dbs[w%len(dbs)].Organizations()
		wg.Go(func() {
			for j := range 5 {
				i := w*5 + j
				o := filterOrg{1 + i%81, "health", cso.StatusActive}.organization(i)
				if err := s.CreateOrganization(ctx, o); err != nil {
					errs <- err
					return
				}
				o.Services[0].Provinces = []int{1 + (i+40)%81}
				if j%2 == 0 {
					o.Status = cso.StatusInactive
				}
				if err := s.UpdateOrganization(ctx, o); err != nil {
					errs <- err
					return
				}
				if j == 4 {
					if err := s.DeleteOrganization(ctx, o.Slug, 0); err != nil {
						errs <- err
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	var organizations int
	require.NoError(t, db.bun.NewRaw("SELECT count(*) FROM organizations").Scan(ctx, &organizations))
	assertBitmapsMatchKeys(t, db)
	assert.Equal(t, 16*4, organizations)
}
