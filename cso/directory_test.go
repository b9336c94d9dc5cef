package cso_test

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newDirectory returns a Directory over a fresh SQLite store.
func newDirectory(t testing.TB) *cso.Directory {
	t.Helper()

	ctx := context.Background()
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "dir.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })

	return cso.NewDirectory(db.Organizations())
}

// legalAid returns a valid organization with a confidential shelter.
func legalAid() *cso.Organization {
	return &cso.Organization{
		ShortName: "Hukuk-Der",
		Name:      cso.Text{"tr": "Göçmen Hukuk Derneği", "en": "Migrant Law Association"},
		Kind:      cso.KindAssociation,
		Phones:    []string{"0212 555 12 12"},
		Website:   "hukukder.org.tr",
		Offices: []cso.Office{
			{Address: "İstiklal Cad. 1", District: "Beyoğlu", Province: 34, PostalCode: "34430"},
			{Address: "Gizli adres", Province: 6, Confidential: true},
		},
		Services: []cso.Service{{
			Name:  cso.Text{"tr": "Hukuki danışmanlık"},
			Areas: []string{"legal_counseling"},
		}},
	}
}

func TestDirectoryCreate(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)

	_, err := dir.Create(ctx, cso.Actor{}, legalAid())
	assert.ErrorIs(t, err, cso.ErrUnauthenticated)

	_, err = dir.Create(ctx, cso.OrganizationActor(1), legalAid())
	assert.ErrorIs(t, err, cso.ErrForbidden)

	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)
	assert.Equal(t, "hukuk-der", o.Slug)
	assert.Equal(t, 1, o.Version)
	assert.Equal(t, []string{"+902125551212"}, o.Phones)
	assert.Equal(t, "https://hukukder.org.tr", o.Website)
	assert.Equal(t, cso.StatusActive, o.Status)
	assert.Nil(t, o.LastVerified)

	_, err = dir.Create(ctx, cso.Admin(), legalAid())
	assert.ErrorIs(t, err, cso.ErrDuplicate)
}

func TestDirectoryCreateRejectsBadInput(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)

	bad := legalAid()
	bad.Offices[0].PostalCode = "06100"
	bad.Services[0].Areas = []string{"juggling"}

	_, err := dir.Create(ctx, cso.Admin(), bad)
	var verr *cso.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "offices[0].postal_code")
	assert.Contains(t, verr.Fields, "services[0].service_areas[0]")

	n, err := dir.Count(ctx)
	require.NoError(t, err)
	assert.Equal(t, 0, n)
}

func TestDirectoryConfidentialOffices(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	public, err := dir.Get(ctx, cso.Actor{}, o.Slug)
	require.NoError(t, err)
	assert.Len(t, public.Offices, 1)
	assert.Equal(t, 34, public.Offices[0].Province)

	own, err := dir.Get(ctx, cso.OrganizationActor(o.ID), o.Slug)
	require.NoError(t, err)
	assert.Len(t, own.Offices, 2)

	other, err := dir.Get(ctx, cso.OrganizationActor(o.ID+1), o.Slug)
	require.NoError(t, err)
	assert.Len(t, other.Offices, 1)

	res, err := dir.Search(ctx, cso.Query{Province: 6})
	require.NoError(t, err)
	assert.Zero(t, res.Total, "a confidential office must not place the organization in Ankara")
}

// TestDirectoryUpdateNamesViewWithTheRest sends back the public view of
// an organization, which leaves out its confidential office, with a bad
// e-mail address and no status: all three are named at once, and
// nothing changes.
func TestDirectoryUpdateNamesViewWithTheRest(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	public, err := dir.Get(ctx, cso.Actor{}, o.Slug)
	require.NoError(t, err)
	edit := *public
	edit.Email = "not an address"
	edit.Status = ""
	_, err = dir.Update(ctx, cso.Admin(), o.Slug, &edit)

	var verr *cso.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ElementsMatch(t, []string{"view", "email", "status"}, slices.Collect(maps.Keys(verr.Fields)))

	got, err := dir.Get(ctx, cso.Admin(), o.Slug)
	require.NoError(t, err)
	assert.Len(t, got.Offices, 2)
	assert.Equal(t, o.Version, got.Version)
}

func TestDirectoryUpdate(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)
	other, err := dir.Create(ctx, cso.Admin(), &cso.Organization{
		Name: cso.Text{"tr": "Başka Vakıf"}, Kind: cso.KindFoundation,
	})
	require.NoError(t, err)

	edit := *o
	edit.Email = "info@hukukder.org.tr"

	_, err = dir.Update(ctx, cso.Actor{}, o.Slug, &edit)
	assert.ErrorIs(t, err, cso.ErrUnauthenticated)

	_, err = dir.Update(ctx, cso.OrganizationActor(other.ID), o.Slug, &edit)
	assert.ErrorIs(t, err, cso.ErrForbidden)

	updated, err := dir.Update(ctx, cso.OrganizationActor(o.ID), o.Slug, &edit)
	require.NoError(t, err)
	assert.Equal(t, 2, updated.Version)
	assert.Equal(t, "info@hukukder.org.tr", updated.Email)

	stale := *o
	stale.Email = "eski@hukukder.org.tr"
	_, err = dir.Update(ctx, cso.Admin(), o.Slug, &stale)
	assert.ErrorIs(t, err, cso.ErrStaleVersion)

	got, err := dir.Get(ctx, cso.Admin(), o.Slug)
	require.NoError(t, err)
	assert.Equal(t, "info@hukukder.org.tr", got.Email)
	assert.Equal(t, 2, got.Version)
}

// TestDirectoryUpdateNeedsStatus closes an organization and sends an
// update without a status: it is refused, naming the stored status,
// with the other bad fields, and the organization stays closed.
func TestDirectoryUpdateNeedsStatus(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)
	assert.Equal(t, cso.StatusActive, o.Status, "a new organization without a status")

	closing := *o
	closing.Status = cso.StatusClosed
	closed, err := dir.Update(ctx, cso.Admin(), o.Slug, &closing)
	require.NoError(t, err)

	for _, status := range []cso.Status{"", "  "} {
		edit := *closed
		edit.Status = status
		edit.Email = "not an address"
		_, err = dir.Update(ctx, cso.Admin(), o.Slug, &edit)

		var verr *cso.ValidationError
		require.ErrorAs(t, err, &verr, "status %q", status)
		assert.Contains(t, verr.Fields["status"], `"closed"`)
		assert.Contains(t, verr.Fields, "email")
	}

	got, err := dir.Get(ctx, cso.Admin(), o.Slug)
	require.NoError(t, err)
	assert.Equal(t, cso.StatusClosed, got.Status)
	assert.Equal(t, closed.Version, got.Version)
}

func TestDirectoryUpdateKeepsSlugAndVerification(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	before := time.Now().UTC().Add(-time.Second)
	verified, err := dir.Verify(ctx, cso.OrganizationActor(o.ID), o.Slug)
	require.NoError(t, err)
	require.NotNil(t, verified.LastVerified)
	assert.WithinRange(t, *verified.LastVerified, before, time.Now().UTC().Add(time.Second))
	assert.Equal(t, 2, verified.Version)

	renamed := *verified
	renamed.Slug = "yeni-ad"
	_, err = dir.Update(ctx, cso.Admin(), o.Slug, &renamed)
	var verr *cso.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "slug")

	// A save that changes nothing keeps the version and the date; one
	// that sends no date still keeps it.
	same := *verified
	same.LastVerified = nil
	unchanged, err := dir.Update(ctx, cso.Admin(), o.Slug, &same)
	require.NoError(t, err)
	assert.Equal(t, 2, unchanged.Version)
	require.NotNil(t, unchanged.LastVerified)
	assert.True(t, unchanged.LastVerified.Equal(*verified.LastVerified),
		"%s != %s", unchanged.LastVerified, verified.LastVerified)

	same.Description = cso.Text{"tr": "Hukuki yardım"}
	changed, err := dir.Update(ctx, cso.Admin(), o.Slug, &same)
	require.NoError(t, err)
	assert.Equal(t, 3, changed.Version)
	require.NotNil(t, changed.LastVerified)
	assert.True(t, changed.LastVerified.Equal(*verified.LastVerified))
}

func TestDirectoryDeleteIsForAdmins(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	assert.ErrorIs(t, dir.Delete(ctx, cso.OrganizationActor(o.ID), o.Slug, 0), cso.ErrForbidden)
	assert.ErrorIs(t, dir.Delete(ctx, cso.Admin(), o.Slug, 7), cso.ErrStaleVersion)
	require.NoError(t, dir.Delete(ctx, cso.Admin(), o.Slug, 1))

	_, err = dir.Get(ctx, cso.Actor{}, o.Slug)
	assert.ErrorIs(t, err, cso.ErrNotFound)
}

func TestDirectoryTokens(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	_, err = dir.IssueToken(ctx, cso.OrganizationActor(o.ID), o.Slug, "self")
	assert.ErrorIs(t, err, cso.ErrForbidden)

	token, err := dir.IssueToken(ctx, cso.Admin(), o.Slug, "office laptop")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(token, "mst_"))

	actor, err := dir.Authenticate(ctx, token)
	require.NoError(t, err)
	assert.Equal(t, cso.OrganizationActor(o.ID), actor)

	for _, bad := range []string{"", "mst_nope", token + "x"} {
		_, err := dir.Authenticate(ctx, bad)
		assert.ErrorIs(t, err, cso.ErrUnauthenticated, "token %q", bad)
	}
}

const importHeader = "name_tr,short_name,kind,provinces,service_areas,registry_id\n"

func TestDirectoryImport(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	file := importHeader +
		"Çocuk Hakları Derneği,,association,İstanbul,child_protection,34-001-001\n" +
		"Kadın Dayanışma Vakfı,KDV,foundation,Gaziantep;Hatay,gbv,\n"

	_, err := dir.Import(ctx, cso.OrganizationActor(1), strings.NewReader(file))
	assert.ErrorIs(t, err, cso.ErrForbidden)

	report, err := dir.Import(ctx, cso.Admin(), strings.NewReader(file))
	require.NoError(t, err)
	assert.Equal(t, cso.ImportReport{Created: 2}, *report)

	_, err = dir.Verify(ctx, cso.Admin(), "kdv")
	require.NoError(t, err)

	report, err = dir.Import(ctx, cso.Admin(), strings.NewReader(file))
	require.NoError(t, err)
	assert.Equal(t, cso.ImportReport{Unchanged: 2}, *report)

	// The registry identifier matches even when the name, and so the
	// derived slug, changed.
	changed := importHeader +
		"Çocuk Hakları ve Eğitim Derneği,,association,İstanbul,child_protection,34-001-001\n" +
		"Kadın Dayanışma Vakfı,KDV,foundation,Gaziantep;Hatay;Kilis,gbv,\n"
	report, err = dir.Import(ctx, cso.Admin(), strings.NewReader(changed))
	require.NoError(t, err)
	assert.Equal(t, cso.ImportReport{Updated: 2}, *report)

	child, err := dir.Get(ctx, cso.Actor{}, "cocuk-haklari-dernegi")
	require.NoError(t, err)
	assert.Equal(t, "Çocuk Hakları ve Eğitim Derneği", child.Name["tr"])

	kdv, err := dir.Get(ctx, cso.Actor{}, "kdv")
	require.NoError(t, err)
	assert.NotNil(t, kdv.LastVerified, "an import must not clear the verification date")
	assert.Equal(t, []int{27, 31, 79}, kdv.Services[0].Provinces)
}

func TestDirectoryImportBadFileChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	good := importHeader + "Çocuk Hakları Derneği,,association,İstanbul,child_protection,\n"
	_, err := dir.Import(ctx, cso.Admin(), strings.NewReader(good))
	require.NoError(t, err)

	bad := importHeader +
		"Çocuk Hakları Derneği,,association,İzmir,child_protection,\n" +
		"Yeni Dernek,,association,Atlantis,health,\n"
	_, err = dir.Import(ctx, cso.Admin(), strings.NewReader(bad))
	var ierr *cso.ImportError
	require.ErrorAs(t, err, &ierr)
	require.Len(t, ierr.Rows, 1)
	assert.Equal(t, 3, ierr.Rows[0].Line)
	assert.Equal(t, "provinces", ierr.Rows[0].Column)

	n, err := dir.Count(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	o, err := dir.Get(ctx, cso.Actor{}, "cocuk-haklari-dernegi")
	require.NoError(t, err)
	assert.Equal(t, []int{34}, o.Services[0].Provinces)
}

func TestDirectoryRejectsUnusableInput(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	o, err := dir.Create(ctx, cso.Admin(), legalAid())
	require.NoError(t, err)

	for _, slug := range []string{"hukuk-der\x00", "../hukuk-der", "Hukuk-Der", strings.Repeat("a", 81)} {
		_, err := dir.Get(ctx, cso.Actor{}, slug)
		assert.ErrorIs(t, err, cso.ErrNotFound, "slug %q", slug)
	}

	noVersion := *o
	noVersion.Version = 0
	_, err = dir.Update(ctx, cso.Admin(), o.Slug, &noVersion)
	var verr *cso.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "version")

	_, err = dir.IssueToken(ctx, cso.Admin(), o.Slug, "a\x00b")
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "label")
	_, err = dir.IssueToken(ctx, cso.Admin(), o.Slug, strings.Repeat("x", 101))
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "label")

	spoof := legalAid()
	spoof.ShortName = "Yeni\x00"
	spoof.Name = cso.Text{"tr": "Sahte \u202e Dernek"}
	spoof.Offices[0].Address = "Cad.\x07 1"
	_, err = dir.Create(ctx, cso.Admin(), spoof)
	require.ErrorAs(t, err, &verr)
	assert.Contains(t, verr.Fields, "short_name")
	assert.Contains(t, verr.Fields, "name.tr")
	assert.Contains(t, verr.Fields, "offices[0].address")

	res, err := dir.Search(ctx, cso.Query{Text: "*:()🙂"})
	require.NoError(t, err)
	assert.Zero(t, res.Total)
	assert.Empty(t, res.Items)
}

func TestDirectoryDuplicateNamesTheField(t *testing.T) {
	ctx := context.Background()
	dir := newDirectory(t)
	first := legalAid()
	first.RegistryID = "34-001-001"
	_, err := dir.Create(ctx, cso.Admin(), first)
	require.NoError(t, err)

	sameSlug := legalAid()
	_, err = dir.Create(ctx, cso.Admin(), sameSlug)
	var dup *cso.DuplicateError
	require.ErrorAs(t, err, &dup)
	assert.Equal(t, "slug", dup.Field)
	assert.Equal(t, "hukuk-der", dup.Value)

	sameRegistry := legalAid()
	sameRegistry.ShortName = "Başka"
	sameRegistry.RegistryID = "34-001-001"
	_, err = dir.Create(ctx, cso.Admin(), sameRegistry)
	require.ErrorAs(t, err, &dup)
	assert.Equal(t, "registry_id", dup.Field)
	assert.ErrorIs(t, err, cso.ErrDuplicate)
}
