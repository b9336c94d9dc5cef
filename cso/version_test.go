package cso_test

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNegativeVersionsAreInvalid(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	created, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	body, err := dir.Get(ctx, cso.Admin(), created.Slug)
	require.NoError(t, err)
	body.Version = -1
	_, err = dir.Update(ctx, cso.Admin(), created.Slug, body)
	var verr *cso.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "must be positive: send the version you read", verr.Fields["version"])

	err = dir.Delete(ctx, cso.Admin(), created.Slug, -1)
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "version")

	stored, err := dir.Get(ctx, cso.Admin(), created.Slug)
	require.NoError(t, err)
	assert.Equal(t, 1, stored.Version, "still there, unchanged")
}
