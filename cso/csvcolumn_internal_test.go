package cso

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Validation paths name fields the way the JSON form does; the CSV import
// reports them under the columns a person edits.
func TestCSVColumnOfValidationPath(t *testing.T) {
	tests := []struct {
		path, column string
	}{
		{"name", "name_tr"},
		{"name.tr", "name_tr"},
		{"name.en", "name_en"},
		{"name[ar]", "name_ar"},
		{"description.ar", "description_ar"},
		{"short_name", "short_name"},
		{"website", "website"},
		{"phones[1]", "phones"},
		{"social_links[0]", "social_links"},
		{"registry_id", "registry_id"},
		{"services", "service_areas"},
		{"services[0].name", "service_areas"},
		{"services[0].service_areas[0]", "service_areas"},
		{"services[0].provinces[2]", "provinces"},
		{"services[3].target_groups[1]", "target_groups"},
		{"services[3].languages[0]", "languages"},
		{"offices[0].address", "office_address"},
		{"offices[0].postal_code", "office_postal_code"},
		{"offices[0].province", "office_province"},
		{"offices[0].district", "office_district"},
		{"offices[0].location", "office_lat"},
		{"offices[0].location.lat", "office_lat"},
		{"offices[0].location.lon", "office_lon"},
		{"", ""},
		{"version", "version"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.column, csvColumnOf(tt.path), "path %q", tt.path)
	}
}
