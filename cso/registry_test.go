package cso_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/musterekproje/musterek/cso"
)

// publishedTaxNumbers are tax numbers that organizations and companies
// publish on their invoices and web sites, so their check digits are
// right.
var publishedTaxNumbers = []string{
	"0010213576", "0080463579", "0180044810", "0470075367", "0990379907",
	"1050060784", "1940338616", "2280560506", "3250536363", "3770333705",
	"4560329085", "5200337887", "6130847655", "7700021408", "8720064947",
	"9990112519",
}

func TestValidateChecksTheCheckDigitOfTaxNumbers(t *testing.T) {
	for _, id := range publishedTaxNumbers {
		o := validOrganization()
		o.RegistryID = id
		assert.NoError(t, o.Validate(), id)

		// Any other last digit is wrong.
		for d := byte('0'); d <= '9'; d++ {
			if d == id[9] {
				continue
			}
			o.RegistryID = id[:9] + string(d)
			err := o.Validate()
			assert.ErrorIs(t, err, cso.ErrInvalid, o.RegistryID)
			assert.ErrorContains(t, err, "check digit", o.RegistryID)
		}
	}
}
