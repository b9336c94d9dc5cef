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
		{"+90.212.555.12.12", "+902125551212"},
		{"+902125551212", "+902125551212"},
		{"+49 30 12345678", "+493012345678"},
		{"٠٢١٢ ٥٥٥ ١٢ ١٢", "+902125551212"},                // Arabic-Indic
		{"۰۲۱۲ ۵۵۵ ۱۲ ۱۲", "+902125551212"},                // Extended Arabic-Indic
		{"０２１２ ５５５ １２ １２", "+902125551212"},                // fullwidth
		{"\u200f+90 212 555 12 12\u200f", "+902125551212"}, // copied from Arabic text
		{"0212\u00a0555\u00a012\u00a012", "+902125551212"},
	}
	for _, c := range cases {
		got, err := cso.NormalizePhone(c.typed)
		if assert.NoError(t, err, c.typed) {
			assert.Equal(t, c.want, got, c.typed)
		}
	}
}

func TestNormalizePhoneRejectsWhatIsNoNumber(t *testing.T) {
	for _, typed := range []string{"12", "", "0212 555", "+90 000 000 00 00"} {
		got, err := cso.NormalizePhone(typed)
		require.Error(t, err, typed)
		assert.True(t, errors.Is(err, cso.ErrInvalid), typed)
		assert.Contains(t, err.Error(), "+90 212 555 12 12", typed)
		assert.Empty(t, got, typed)
	}
}

func TestNormalizePhoneRefusesLettersAndExtensions(t *testing.T) {
	const marks = "must contain only digits, spaces, +, (, ), - and . " +
		"(extensions cannot be stored)"

	for _, typed := range []string{
		"0212 CALL NOW",
		"0212 555 12 12 ext 5",
		"+902125551212x99",
		"0212 555 12 12 #5",
		"0212 555 12 12;ext=5",
		"0212 555 12 12 dahili 5",
		"0212 555 12 12 / 13",
		"tel:+902125551212",
		"phone",
	} {
		got, err := cso.NormalizePhone(typed)
		assert.ErrorIs(t, err, cso.ErrInvalid, typed)
		assert.ErrorContains(t, err, marks, typed)
		assert.Empty(t, got, typed)

		o := validOrganization()
		o.Phones = []string{typed}
		assert.Equal(t, map[string]string{"phones[0]": marks},
			requireFields(t, o), typed)
	}
}
