package cso_test

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestImportRefusesTwoRowsForOneOrganization(t *testing.T) {
	forEachImportStore(t, func(t *testing.T, dir *cso.Directory) {
		_, err := importFile(t, dir, importHeader+
			"Umut Derneği,,association,İstanbul,health,34-001-001\n")
		require.NoError(t, err)

		// The first row matches by registry identifier and renames the
		// organization; the second matches the same one by its slug.
		rows := importRowErrors(t, dir, importHeader+
			"Yeni Umut Derneği,,association,İstanbul,health,34-001-001\n"+
			"Umut Derneği,,association,Ankara,health,\n")
		require.Len(t, rows, 1)
		assert.Equal(t, 3, rows[0].Line)
		assert.Equal(t, "slug", rows[0].Column)
		assert.Contains(t, rows[0].Reason,
			"matches the same organization as line 2 (umut-dernegi)")

		umut := getOrganization(t, dir, "umut-dernegi")
		assert.Equal(t, "Umut Derneği", umut.Name["tr"])
		assert.Equal(t, 1, umut.Version)
	})
}
