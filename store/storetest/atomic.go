package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writers is the number of goroutines that race in the concurrency tests.
const writers = 20

func testAtomicallyRollsBack(t *testing.T, s cso.Store) {
	ctx := context.Background()
	mustCreate(t, s, newOrg("mevcut", "Mevcut Dernek"))
	boom := errors.New("boom")

	err := s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
		require.NoError(t, tx.CreateOrganization(ctx, newOrg("yeni-1", "Yeni Bir")))

		o, err := tx.Organization(ctx, "mevcut")
		require.NoError(t, err)
		o.ShortName = "Değişti"
		require.NoError(t, tx.UpdateOrganization(ctx, o))
		require.NoError(t, tx.DeleteOrganization(ctx, "mevcut", 0))
		return boom
	})
	assert.ErrorIs(t, err, boom)

	_, err = s.Organization(ctx, "yeni-1")
	assert.ErrorIs(t, err, cso.ErrNotFound)
	o, err := s.Organization(ctx, "mevcut")
	require.NoError(t, err)
	assert.Equal(t, "", o.ShortName)
	assert.Equal(t, 1, o.Version)
	assert.Equal(t, []string{"mevcut"}, slugs(mustSearch(t, s, cso.Query{})))

	// A duplicate inside the transaction undoes what came before it.
	err = s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
		if err := tx.CreateOrganization(ctx, newOrg("yeni-2", "Yeni İki")); err != nil {
			return err
		}
		return tx.CreateOrganization(ctx, newOrg("mevcut", "Kopya"))
	})
	assert.ErrorIs(t, err, cso.ErrDuplicate)
	_, err = s.Organization(ctx, "yeni-2")
	assert.ErrorIs(t, err, cso.ErrNotFound)
}

func testAtomicallyNested(t *testing.T, s cso.Store) {
	ctx := context.Background()
	boom := errors.New("boom")

	err := s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
		return tx.Atomically(ctx, func(ctx context.Context, inner cso.Store) error {
			return inner.CreateOrganization(ctx, newOrg("ic-ice", "İç İçe"))
		})
	})
	require.NoError(t, err)
	_, err = s.Organization(ctx, "ic-ice")
	assert.NoError(t, err, "a committed nested transaction is kept")

	err = s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
		err := tx.Atomically(ctx, func(ctx context.Context, inner cso.Store) error {
			return inner.CreateOrganization(ctx, newOrg("geri-alinan", "Geri Alınan"))
		})
		require.NoError(t, err)

		// The outer transaction sees the inner one's work, then fails.
		_, err = tx.Organization(ctx, "geri-alinan")
		require.NoError(t, err)
		return boom
	})
	assert.ErrorIs(t, err, boom)
	_, err = s.Organization(ctx, "geri-alinan")
	assert.ErrorIs(t, err, cso.ErrNotFound, "the inner work goes with the outer")
}

// testConcurrentReadUpdate races writers that each read the organization
// and update it with the version they read, inside one transaction. No
// update may be lost: every success gets a version of its own, and the
// final version counts them all. A failure can only be a stale version.
func testConcurrentReadUpdate(t *testing.T, s cso.Store) {
	ctx := context.Background()
	mustCreate(t, s, newOrg("yarisan", "Yarışan Dernek"))

	results := race(func(i int) (int, error) {
		var version int
		err := s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
			o, err := tx.Organization(ctx, "yarisan")
			if err != nil {
				return err
			}
			o.ShortName = fmt.Sprintf("yazar %d", i)
			if err := tx.UpdateOrganization(ctx, o); err != nil {
				return err
			}
			version = o.Version
			return nil
		})
		return version, err
	})

	final, err := s.Organization(ctx, "yarisan")
	require.NoError(t, err)
	versions := successes(t, results)
	require.NotEmpty(t, versions)
	assert.Equal(t, final.Version-1, len(versions))

	// Each success wrote the version after the one before it.
	for i, v := range versions {
		assert.Equal(t, i+2, v)
	}
}

// testConcurrentStaleUpdates races writers that all read version 1
// before any of them writes: exactly one may win.
func testConcurrentStaleUpdates(t *testing.T, s cso.Store) {
	ctx := context.Background()
	mustCreate(t, s, newOrg("yarisan", "Yarışan Dernek"))

	read := make([]*cso.Organization, writers)
	for i := range read {
		o, err := s.Organization(ctx, "yarisan")
		require.NoError(t, err)
		read[i] = o
	}

	results := race(func(i int) (int, error) {
		o := read[i]
		o.ShortName = fmt.Sprintf("yazar %d", i)
		err := s.Atomically(ctx, func(ctx context.Context, tx cso.Store) error {
			c := *o
			if err := tx.UpdateOrganization(ctx, &c); err != nil {
				return err
			}
			o.Version = c.Version
			return nil
		})
		return o.Version, err
	})

	assert.Equal(t, []int{2}, successes(t, results))

	final, err := s.Organization(ctx, "yarisan")
	require.NoError(t, err)
	assert.Equal(t, 2, final.Version)
}

// result is what one racing writer saw.
type result struct {
	version int
	err     error
}

// race runs fn in writers goroutines released at the same moment.
func race(fn func(i int) (int, error)) []result {
	results := make([]result, writers)
	start := make(chan struct{})

	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			<-start
			v, err := fn(i)
			results[i] = result{version: v, err: err}
		})
	}
	close(start)
	wg.Wait()
	return results
}

// successes checks that every failure is a stale version and returns the
// versions the successful writers wrote, sorted.
func successes(t *testing.T, results []result) []int {
	t.Helper()
	var versions []int
	for i, r := range results {
		if r.err != nil {
			assert.ErrorIs(t, r.err, cso.ErrStaleVersion, "writer %d", i)
			continue
		}
		versions = append(versions, r.version)
	}
	sort.Ints(versions)
	return versions
}
