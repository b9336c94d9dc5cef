package demodata

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"

	"github.com/musterekproje/musterek/cso"
)

//go:embed organizations.csv
var organizationsCSV []byte

// CSV returns a new reader of the demo organizations in the CSV import
// format, starting at the beginning on every call.
func CSV() io.Reader {
	return bytes.NewReader(organizationsCSV)
}

// Organizations returns the demo organizations, read, normalized and
// validated by [cso.ReadCSV]. Each call returns new values.
func Organizations() ([]*cso.Organization, error) {
	orgs, err := cso.ReadCSV(CSV())
	if err != nil {
		return nil, fmt.Errorf("demodata: %w", err)
	}
	return orgs, nil
}
