package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runImport runs the server's -import command on a CSV file holding
// content, against the database dsn, and returns what it printed.
func runImport(t *testing.T, dsn, content string) (stdout, stderr string, err error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "organizations.csv")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))

	var out, errOut bytes.Buffer
	args := []string{"-db", dsn, "-import", path, "-log-level", "error"}
	err = run(context.Background(), args, func(string) string { return "" }, &out, &errOut, nil)
	return out.String(), errOut.String(), err
}

func TestImportCommand(t *testing.T) {
	dsn := storetest.DSN(t, "sqlite")
	const csv = "name_tr,kind,provinces,service_areas\n" +
		"Örnek Derneği,association,İstanbul,legal_counseling\n" +
		"Başka Vakıf,foundation,Gaziantep,education\n"

	out, _, err := runImport(t, dsn, csv)
	require.NoError(t, err)
	assert.Equal(t, "created 2, updated 0, unchanged 0\n", out)

	out, _, err = runImport(t, dsn, csv)
	require.NoError(t, err)
	assert.Equal(t, "created 0, updated 0, unchanged 2\n", out, "a second import changes nothing")

	_, errOut, err := runImport(t, dsn, "name_tr,kind,provinces\n"+
		"Üçüncü Dernek,association,Atlantis\n")
	assert.ErrorContains(t, err, "nothing was imported")
	assert.Contains(t, errOut, "line 2, provinces:")

	s := startServerOn(t, dsn)
	got := s.searchSlugs(map[string][]string{})
	assert.Equal(t, []string{"baska-vakif", "ornek-dernegi"}, got,
		"the demo data is not loaded into a database that has organizations")
}

func TestImportOfBinaryFileQuotesItsColumns(t *testing.T) {
	dsn := storetest.DSN(t, "sqlite")
	// The start of an executable, with an escape sequence that would
	// turn a terminal red.
	header := "\x7fELF\x02\x01\x01\x00\x1b[31m,kind,name_tr\n"

	out, errOut, err := runImport(t, dsn, header+"x,other,Örnek\n")
	assert.ErrorContains(t, err, "nothing was imported")
	assert.Empty(t, out)

	// The header cell is lower-cased, then quoted with Go escapes.
	assert.Contains(t, errOut, `line 1, "\x7felf\x02\x01\x01\x00\x1b[31m": unknown column`)
	assert.False(t, strings.ContainsFunc(errOut, func(r rune) bool {
		return r != '\n' && unicode.IsControl(r)
	}), "no control character is printed: %q", errOut)
}
