package cso_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

func TestNormalizeRegistryIDWritesOneFormOfEachNumber(t *testing.T) {
	cases := []struct {
		typed, want string
	}{
		{"123", "123"},
		{"0123", "123"},
		{"000123", "123"},
		{" 7 ", "7"},
		{"٠١٢٣", "123"},
		{"34-123-456", "34-123-456"},
		{"34-123-0456", "34-123-456"},
		{"34-123-000456", "34-123-456"},
		{"06-001-002", "06-001-002"},
		{"06-001-000002", "06-001-002"},
		{"81-123-001234", "81-123-1234"},
		{"81-123-123456", "81-123-123456"},
		{"0010213576", "0010213576"}, // a tax number keeps its zeros

		// What is not valid is left for validation to report.
		{"000000", "000000"},
		{"0000123", "0000123"},
		{"34-123-0000456", "34-123-0000456"},
		{"34-0123-456", "34-0123-456"},
		{"034-123-456", "034-123-456"},
		{"99-123-000456", "99-123-000456"},
		{"0010213577", "0010213577"},
		{"abc", "abc"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, cso.NormalizeRegistryID(c.typed), c.typed)
	}
}

func TestValidateAsksForTheCanonicalRegistryID(t *testing.T) {
	cases := []struct {
		id, want string
	}{
		{"0123", `must be written "123", without leading zeros`},
		{"34-123-000456", `must be written "34-123-456", without leading zeros`},
	}
	for _, c := range cases {
		o := validOrganization()
		o.RegistryID = c.id

		var verr *cso.ValidationError
		require.ErrorAs(t, o.Validate(), &verr, c.id)
		assert.Equal(t, map[string]string{"registry_id": c.want}, verr.Fields, c.id)
	}
}

func TestDirectoryRefusesARegistryIDWrittenWithMoreZeros(t *testing.T) {
	cases := []struct {
		first  string
		others []string
		stored string
	}{
		{"123", []string{"0123", "000123"}, "123"},
		{"000123", []string{"123"}, "123"},
		{"34-123-456", []string{"34-123-000456", "34-123-0456"}, "34-123-456"},
	}
	for _, c := range cases {
		t.Run(c.first, func(t *testing.T) {
			ctx := context.Background()
			dir := newDirectory(t)

			o := legalAid()
			o.RegistryID = c.first
			created, err := dir.Create(ctx, cso.Admin(), o)
			require.NoError(t, err)
			assert.Equal(t, c.stored, created.RegistryID)

			for i, id := range c.others {
				o := legalAid()
				o.ShortName = fmt.Sprintf("Hukuk-Der %d", i+2)
				o.RegistryID = id
				_, err := dir.Create(ctx, cso.Admin(), o)
				assert.ErrorIs(t, err, cso.ErrDuplicate, id)
			}
		})
	}
}
