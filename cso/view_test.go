package cso_test

import (
	"context"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetMarksTheViewItReturns(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	created, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)
	assert.Equal(t, cso.ViewFull, created.View)

	public, err := dir.Get(ctx, cso.Actor{}, created.Slug)
	require.NoError(t, err)
	assert.Equal(t, cso.ViewPublic, public.View)
	assert.Len(t, public.Offices, 1, "the shelter is left out")

	full, err := dir.Get(ctx, cso.Admin(), created.Slug)
	require.NoError(t, err)
	assert.Equal(t, cso.ViewFull, full.View)
	assert.Len(t, full.Offices, 2)
}

func TestUpdateRefusesAPublicViewThatWouldDropConfidentialOffices(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	created, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)
	own := cso.OrganizationActor(created.ID)

	public, err := dir.Get(ctx, cso.Actor{}, created.Slug)
	require.NoError(t, err)
	public.Description = cso.Text{"tr": "Yeni açıklama"}

	for _, view := range []cso.View{cso.ViewPublic, ""} {
		body := *public
		body.View = view
		_, err = dir.Update(ctx, own, created.Slug, &body)
		var verr *cso.ValidationError
		require.ErrorAs(t, err, &verr, "view %q", view)
		assert.Contains(t, verr.Fields["view"], "confidential offices", "view %q", view)
	}

	stored, err := dir.Get(ctx, cso.Admin(), created.Slug)
	require.NoError(t, err)
	assert.Equal(t, 1, stored.Version, "nothing was saved")
	assert.Len(t, stored.Offices, 2, "the shelter is still there")

	stored.Description = cso.Text{"tr": "Yeni açıklama"}
	updated, err := dir.Update(ctx, own, created.Slug, stored)
	require.NoError(t, err)
	assert.Equal(t, 2, updated.Version)
	assert.Len(t, updated.Offices, 2)
	assert.Equal(t, cso.ViewFull, updated.View)
}

func TestUpdateTakesAPublicViewWhenNothingIsHidden(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o := legalAid()
	o.Offices = o.Offices[:1]
	created, err := dir.Create(ctx, cso.Admin(), o)
	require.NoError(t, err)

	public, err := dir.Get(ctx, cso.Actor{}, created.Slug)
	require.NoError(t, err)
	public.ShortName = "HD"

	updated, err := dir.Update(ctx, cso.OrganizationActor(created.ID), created.Slug, public)
	require.NoError(t, err)
	assert.Equal(t, "HD", updated.ShortName)
	assert.Equal(t, 2, updated.Version)
}

func TestCreateAndUpdateRefuseAnUnknownView(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)

	o := legalAid()
	o.View = "everything"
	_, err := dir.Create(ctx, cso.Admin(), o)
	var verr *cso.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "view")

	_, err = dir.Create(ctx, cso.Admin(), nil)
	assert.ErrorIs(t, err, cso.ErrInvalid)
	_, err = dir.Update(ctx, cso.Admin(), "hukuk-der", nil)
	assert.ErrorIs(t, err, cso.ErrInvalid)
}

func TestUpdateDeletesConfidentialOfficesOnlyInTheFullView(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	created, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	full, err := dir.Get(ctx, cso.Admin(), created.Slug)
	require.NoError(t, err)
	full.Offices = full.Offices[:1]

	updated, err := dir.Update(ctx, cso.Admin(), created.Slug, full)
	require.NoError(t, err)
	assert.Len(t, updated.Offices, 1)
	assert.False(t, updated.Offices[0].Confidential)

	stored, err := dir.Get(ctx, cso.Admin(), created.Slug)
	require.NoError(t, err)
	assert.Len(t, stored.Offices, 1, "the shelter was deleted on purpose")
}
