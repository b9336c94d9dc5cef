package cso_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUpdateKeepsAnOldRegistryID updates organizations whose registry
// identifiers were stored before they had to be canonical and cannot
// become so: "000123", whose canonical form "123" another organization
// holds, and a tax number whose check digit is wrong. An update that
// leaves the identifier as it is succeeds and keeps it; one that gives
// another form of it is checked as usual.
func TestUpdateKeepsAnOldRegistryID(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "dir.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	dir := cso.NewDirectory(db.Organizations())

	_, err = dir.Create(ctx, cso.Admin(), &cso.Organization{
		Name: cso.Text{"tr": "Yeni Vakıf"}, Kind: cso.KindFoundation,
		RegistryID: "123",
	})
	require.NoError(t, err)

	// The store writes what it is given, as earlier versions validated.
	for slug, id := range map[string]string{
		"eski-vakif":  "000123",
		"eski-dernek": "0010213577", // published 0010213576, last digit changed
	} {
		require.NoError(t, db.Organizations().CreateOrganization(ctx, &cso.Organization{
			Slug: slug, Name: cso.Text{"tr": slug}, Kind: cso.KindFoundation,
			Status: cso.StatusActive, RegistryID: id,
		}))
	}

	tests := []struct {
		slug, sent string
		want       string // the identifier stored after the update
		wantErr    error
	}{
		{"eski-vakif", "000123", "000123", nil},
		{"eski-vakif", " 000123 ", "000123", nil},
		{"eski-vakif", "123", "000123", cso.ErrDuplicate},
		{"eski-vakif", "0000123", "000123", cso.ErrInvalid},
		{"eski-dernek", "0010213577", "0010213577", nil},
		{"eski-dernek", "0010213578", "0010213577", cso.ErrInvalid},
		{"eski-dernek", "0010213576", "0010213576", nil},
	}
	for i, tt := range tests {
		stored, err := dir.Get(ctx, cso.Admin(), tt.slug)
		require.NoError(t, err)
		edit := *stored
		edit.RegistryID = tt.sent
		edit.Website = "https://example.org/" + string(rune('a'+i))

		_, err = dir.Update(ctx, cso.Admin(), tt.slug, &edit)
		if tt.wantErr != nil {
			assert.ErrorIs(t, err, tt.wantErr, "%s given %q", tt.slug, tt.sent)
		} else {
			assert.NoError(t, err, "%s given %q", tt.slug, tt.sent)
		}

		got, err := dir.Get(ctx, cso.Admin(), tt.slug)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.RegistryID, "%s given %q", tt.slug, tt.sent)
		if tt.wantErr == nil {
			assert.Equal(t, edit.Website, got.Website, "%s given %q", tt.slug, tt.sent)
		}
	}
}
