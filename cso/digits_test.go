package cso_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPostalCodesReadTheDigitsPhonesRead(t *testing.T) {
	cases := []struct {
		typed, want string
	}{
		{"34435", "34435"},
		{"٣٤٤٣٥", "34435"}, // Arabic-Indic
		{"۳۴۴۳۵", "34435"}, // Extended Arabic-Indic
		{"３４４３５", "34435"}, // fullwidth
		{"34٤٣5", "34435"},
	}
	for _, c := range cases {
		o := validOrganization()
		o.Offices[0].PostalCode = c.typed

		o.Normalize()
		require.NoError(t, o.Validate(), c.typed)
		assert.Equal(t, c.want, o.Offices[0].PostalCode, c.typed)
	}
}

func TestPostalCodesInOtherDigitsAreRefused(t *testing.T) {
	for _, typed := range []string{"३४४३५", "34 435", "3443"} {
		o := validOrganization()
		o.Offices[0].PostalCode = typed
		assert.Equal(t, map[string]string{
			"offices[0].postal_code": "must be a five-digit postal code",
		}, requireFields(t, o), typed)
	}
}
