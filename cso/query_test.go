package cso_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
)

func TestSearchRefusesTextThatIsNotPlain(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "q.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	dir := cso.NewDirectory(db.Organizations())

	cases := []struct {
		text, want string
	}{
		{"caf\xe9", "must be valid UTF-8 text"},
		{"\xff", "must be valid UTF-8 text"},
		{"çocuk\x00", "must not contain the control character U+0000"},
		{"\x00", "must not contain the control character U+0000"},
		{"sağ\x7flık", "must not contain the control character U+007F"},
		{"ço\u0085cuk", "must be on one line: remove the line break U+0085"},
	}
	for _, c := range cases {
		q := cso.Query{Text: c.text}
		_, err := dir.Search(ctx, q)
		assertFields(t, err, map[string]string{"q": c.want}, "%q", c.text)

		_, err = db.Organizations().Search(ctx, q)
		assertFields(t, err, map[string]string{"q": c.want}, "store: %q", c.text)
	}
}

// assertFields asserts that err is a *cso.ValidationError with the
// fields.
func assertFields(t *testing.T, err error, fields map[string]string, msgAndArgs ...any) {
	t.Helper()

	var verr *cso.ValidationError
	if assert.ErrorAs(t, err, &verr, msgAndArgs...) {
		assert.Equal(t, fields, verr.Fields, msgAndArgs...)
	}
}
