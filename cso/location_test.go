package cso_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateAsksForTheMissingHalfOfALocation(t *testing.T) {
	cases := []struct {
		location string
		want     map[string]string
	}{
		{`{"lat": 41.04}`, map[string]string{
			"offices[0].location.lon": "is required",
		}},
		{`{"lon": 28.98}`, map[string]string{
			"offices[0].location.lat": "is required",
		}},
		{`{}`, map[string]string{
			"offices[0].location.lat": "is required",
			"offices[0].location.lon": "is required",
		}},
		{`{"lon": 181}`, map[string]string{
			"offices[0].location.lat": "is required",
			"offices[0].location.lon": "must be a longitude between -180 and 180",
		}},
		{`{"lat": 36.20, "lon": 37.16}`, map[string]string{
			"offices[0].location": "must be inside Turkey",
		}},
	}
	for _, c := range cases {
		t.Run(c.location, func(t *testing.T) {
			o := validOrganization()
			o.Offices[0].Location = nil
			require.NoError(t, json.Unmarshal([]byte(c.location), &o.Offices[0].Location))
			assert.Equal(t, c.want, requireFields(t, o))
		})
	}
}
