package store_test

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/musterekproje/musterek/store/storetest"
)

func TestStore(t *testing.T) {
	for _, dialect := range storetest.Dialects(t) {
		t.Run(dialect, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) cso.Store {
				return store.OpenTestDB(t, dialect).Organizations()
			})
		})
	}
}
