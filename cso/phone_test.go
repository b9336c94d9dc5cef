package cso_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
)

func TestNormalizePhoneReadsTheFormsPeopleWrite(t *testing.T) {
	cases := []struct {
		typed, want string
	}{
		{"0212 555 12 12", "+902125551212"},
		{"+90 (532) 555 12 12", "+905325551212"},
		{"444 12 12", "+904441212"},
		{"0850 222 11 11", "+908502221111"},
		{"  (0312) 555-12-12 ", "+903125551212"},
		{"0090 212 555 12 12", "+902125551212"},
		{"+902125551212", "+902125551212"},
		{"+49 30 12345678", "+493012345678"},
	}
	for _, c := range cases {
		got, err := cso.NormalizePhone(c.typed)
		if assert.NoError(t, err, c.typed) {
			assert.Equal(t, c.want, got, c.typed)
		}
	}
}

func TestNormalizePhoneRejectsWhatIsNoNumber(t *testing.T) {
	for _, typed := range []string{"12", "", "phone", "0212 555", "+90 000 000 00 00"} {
		got, err := cso.NormalizePhone(typed)
		require.Error(t, err, typed)
		assert.True(t, errors.Is(err, cso.ErrInvalid), typed)
		assert.Contains(t, err.Error(), "+90 212 555 12 12", typed)
		assert.Empty(t, got, typed)
	}
}
