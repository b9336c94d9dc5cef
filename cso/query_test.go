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
		{"göçmen hukuk derneği migrant law association hukuki danışmanlık ghd istanbul zzzz",
			"has more than 10 different words: keep the 10 that say most, " +
				"every one of which must match"},
	}
	for _, c := range cases {
		q := cso.Query{Text: c.text}
		_, err := dir.Search(ctx, q)
		assertFields(t, err, map[string]string{"q": c.want}, "%q", c.text)

		_, err = db.Organizations().Search(ctx, q)
		assertFields(t, err, map[string]string{"q": c.want}, "store: %q", c.text)
	}
}

// TestSearchTakesTenDifferentWords searches with ten different words,
// given again in other letter case: that is not too many, and every word
// must match.
func TestSearchTakesTenDifferentWords(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)

	_, err := dir.Create(ctx, cso.Admin(), &cso.Organization{
		Name: cso.Text{"tr": "Bir İki Üç Dört Beş Altı Yedi Sekiz Dokuz On Derneği"},
		Kind: cso.KindAssociation,
	})
	require.NoError(t, err)

	ten := "bir iki üç dört beş altı yedi sekiz dokuz on BİR İKİ ÜÇ"
	res, err := dir.Search(ctx, cso.Query{Text: ten})
	require.NoError(t, err)
	assert.Equal(t, 1, res.Total)

	res, err = dir.Search(ctx, cso.Query{Text: "bir iki üç dört beş altı yedi sekiz dokuz yüz"})
	require.NoError(t, err)
	assert.Equal(t, 0, res.Total, "the tenth word matches nothing")
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
