package cso_test

import (
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
