package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullOrg returns an organization with every field set.
func fullOrg() *cso.Organization {
	verified := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	return &cso.Organization{
		Slug: "multeci-dayanisma-dernegi",
		Name: cso.Text{
			"tr": "Mülteci Dayanışma Derneği",
			"en": "Refugee Solidarity Association",
			"ar": "جمعية التضامن مع اللاجئين",
		},
		ShortName: "MDD",
		Kind:      cso.KindAssociation,
		Description: cso.Text{
			"tr": "Sığınmacılara ücretsiz hukuki danışmanlık.",
			"en": "Free legal counseling for asylum seekers.",
		},
		Website:     "https://mdd.example.org",
		Email:       "bilgi@mdd.example.org",
		Phones:      []string{"+902125551212", "+903125551213"},
		SocialLinks: []string{"https://social.example.org/@mdd"},
		RegistryID:  "34-123-456",
		Status:      cso.StatusActive,
		Offices: []cso.Office{{
			Name:       cso.Text{"tr": "Merkez", "en": "Head office"},
			Address:    "Kuloğlu Mah. Güllabici Sok. No: 7",
			District:   "Beyoğlu",
			Province:   34,
			PostalCode: "34433",
			Location:   &cso.Coordinates{Lat: 41.0335, Lon: 28.977},
		}, {
			Address:      "Kapalı adres",
			District:     "Şehitkamil",
			Province:     27,
			Confidential: true,
		}},
		Services: []cso.Service{{
			Name:         cso.Text{"tr": "Hukuki danışmanlık", "ar": "استشارة قانونية"},
			Description:  cso.Text{"tr": "Başvuru ve itiraz süreçlerinde destek."},
			Areas:        []string{"legal_counseling", "information_counseling"},
			TargetGroups: []string{"international_protection", "temporary_protection"},
			Languages:    []string{"ar", "fa", "tr"},
			Provinces:    []int{6, 34},
			Eligibility: cso.Text{
				"tr": "Uluslararası koruma başvurusu yapmış olmak.",
			},
			RequiredDocuments: cso.Text{"tr": "Kimlik belgesi"},
		}, {
			Name:  cso.Text{"tr": "Psikososyal destek"},
			Areas: []string{"psychosocial_support"},
		}},
		LastVerified: &verified,
	}
}

func testRoundTrip(t *testing.T, s cso.Store) {
	ctx := context.Background()
	o := fullOrg()
	require.NoError(t, s.CreateOrganization(ctx, o))

	assert.NotZero(t, o.ID)
	assert.Equal(t, 1, o.Version)
	assert.False(t, o.CreatedAt.IsZero())
	assert.True(t, o.UpdatedAt.Equal(o.CreatedAt))

	want := fullOrg()
	want.ID, want.Version = o.ID, 1
	want.CreatedAt, want.UpdatedAt = o.CreatedAt, o.UpdatedAt

	bySlug, err := s.Organization(ctx, "multeci-dayanisma-dernegi")
	require.NoError(t, err)
	assertSameOrg(t, want, bySlug)

	byRegistry, err := s.OrganizationByRegistryID(ctx, "34-123-456")
	require.NoError(t, err)
	assertSameOrg(t, want, byRegistry)

	byID, err := s.OrganizationByID(ctx, o.ID)
	require.NoError(t, err)
	assertSameOrg(t, want, byID)
}

// assertSameOrg compares two organizations field by field, times by the
// instant they stand for.
func assertSameOrg(t *testing.T, want, got *cso.Organization) {
	t.Helper()
	assert.True(t, want.CreatedAt.Equal(got.CreatedAt),
		"created at: want %v, got %v", want.CreatedAt, got.CreatedAt)
	assert.True(t, want.UpdatedAt.Equal(got.UpdatedAt),
		"updated at: want %v, got %v", want.UpdatedAt, got.UpdatedAt)
	if assert.Equal(t, want.LastVerified == nil, got.LastVerified == nil) &&
		want.LastVerified != nil {
		assert.True(t, want.LastVerified.Equal(*got.LastVerified),
			"last verified: want %v, got %v", want.LastVerified, got.LastVerified)
	}

	w, g := *want, *got
	w.CreatedAt, w.UpdatedAt, w.LastVerified = time.Time{}, time.Time{}, nil
	g.CreatedAt, g.UpdatedAt, g.LastVerified = time.Time{}, time.Time{}, nil
	assert.Equal(t, w, g)
}

func testUpdate(t *testing.T, s cso.Store) {
	ctx := context.Background()
	o := fullOrg()
	mustCreate(t, s, o)
	created := o.CreatedAt

	o.Slug = "another-slug"
	o.Name = cso.Text{"tr": "Göçmen Hakları Derneği"}
	o.Offices = []cso.Office{{Address: "Atatürk Cad. 1", Province: 63}}
	o.Services = []cso.Service{{
		Name:      cso.Text{"tr": "Türkçe kursu"},
		Areas:     []string{"education"},
		Provinces: []int{63},
	}}
	require.NoError(t, s.UpdateOrganization(ctx, o))

	assert.Equal(t, 2, o.Version)
	assert.Equal(t, "multeci-dayanisma-dernegi", o.Slug, "the slug never changes")
	assert.True(t, o.CreatedAt.Equal(created))
	assert.False(t, o.UpdatedAt.Before(created))

	got, err := s.Organization(ctx, "multeci-dayanisma-dernegi")
	require.NoError(t, err)
	assert.Equal(t, cso.Text{"tr": "Göçmen Hakları Derneği"}, got.Name)
	assert.Equal(t, []cso.Office{{Address: "Atatürk Cad. 1", Province: 63}}, got.Offices)
	assert.Equal(t, 2, got.Version)
	if assert.Len(t, got.Services, 1) {
		assert.Equal(t, []string{"education"}, got.Services[0].Areas)
	}

	_, err = s.Organization(ctx, "another-slug")
	assert.ErrorIs(t, err, cso.ErrNotFound)

	// Search and filters follow the new name and services.
	assert.Equal(t, []string{"multeci-dayanisma-dernegi"},
		slugs(mustSearch(t, s, cso.Query{Text: "gocmen", Province: 63})))
	assert.Empty(t, slugs(mustSearch(t, s, cso.Query{Text: "multeci"})))
	assert.Empty(t, slugs(mustSearch(t, s, cso.Query{Province: 34})))
}

func testDuplicateSlug(t *testing.T, s cso.Store) {
	ctx := context.Background()
	mustCreate(t, s, newOrg("gocmen-dernegi", "Göçmen Derneği"))

	dup := newOrg("gocmen-dernegi", "Başka Göçmen Derneği")
	err := s.CreateOrganization(ctx, dup)
	assert.ErrorIs(t, err, cso.ErrDuplicate)
	assertTaken(t, err, "slug", "gocmen-dernegi")
	assert.Zero(t, dup.ID)

	got, err := s.Organization(ctx, "gocmen-dernegi")
	require.NoError(t, err)
	assert.Equal(t, cso.Text{"tr": "Göçmen Derneği"}, got.Name)
	assert.Equal(t, 1, mustSearch(t, s, cso.Query{}).Total)
}

func testDuplicateRegistryID(t *testing.T, s cso.Store) {
	ctx := context.Background()
	first := newOrg("birinci-dernek", "Birinci Dernek")
	first.RegistryID = "06-001-002"
	mustCreate(t, s, first)

	// Organizations without a registry identifier do not collide.
	mustCreate(t, s, newOrg("ikinci-dernek", "İkinci Dernek"),
		newOrg("ucuncu-dernek", "Üçüncü Dernek"))

	dup := withService(newOrg("sahte-dernek", "Sahte Dernek"),
		"health", "", "", 6)
	dup.RegistryID = "06-001-002"
	err := s.CreateOrganization(ctx, dup)
	assert.ErrorIs(t, err, cso.ErrDuplicate)
	assertTaken(t, err, "registry_id", "06-001-002")

	_, err = s.Organization(ctx, "sahte-dernek")
	assert.ErrorIs(t, err, cso.ErrNotFound, "nothing of it is written")
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Text: "sahte"}).Total)
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{ServiceArea: "health"}).Total)
	assert.Equal(t, 3, mustSearch(t, s, cso.Query{}).Total)

	// An update cannot take the identifier either.
	second, err := s.Organization(ctx, "ikinci-dernek")
	require.NoError(t, err)
	second.RegistryID = "06-001-002"
	second.Name = cso.Text{"tr": "Değişmiş Dernek"}
	err = s.UpdateOrganization(ctx, second)
	assert.ErrorIs(t, err, cso.ErrDuplicate)
	assertTaken(t, err, "registry_id", "06-001-002")

	stored, err := s.Organization(ctx, "ikinci-dernek")
	require.NoError(t, err)
	assert.Equal(t, "", stored.RegistryID)
	assert.Equal(t, cso.Text{"tr": "İkinci Dernek"}, stored.Name)
	assert.Equal(t, 1, stored.Version)
}

// assertTaken checks that err names the unique field that was taken.
func assertTaken(t *testing.T, err error, field, value string) {
	t.Helper()
	var dup *cso.DuplicateError
	if assert.ErrorAs(t, err, &dup) {
		assert.Equal(t, field, dup.Field)
		assert.Equal(t, value, dup.Value)
	}
}

func testStaleVersion(t *testing.T, s cso.Store) {
	ctx := context.Background()
	mustCreate(t, s, newOrg("kadin-dayanisma", "Kadın Dayanışma Vakfı"))

	editor1, err := s.Organization(ctx, "kadin-dayanisma")
	require.NoError(t, err)
	editor2, err := s.Organization(ctx, "kadin-dayanisma")
	require.NoError(t, err)

	editor1.ShortName = "KDV"
	require.NoError(t, s.UpdateOrganization(ctx, editor1))

	editor2.ShortName = "Kaybolan"
	editor2.Name = cso.Text{"tr": "Kaybolan Ad"}
	assert.ErrorIs(t, s.UpdateOrganization(ctx, editor2), cso.ErrStaleVersion)
	assert.Equal(t, 1, editor2.Version, "a failed update leaves o as it was")

	err = s.DeleteOrganization(ctx, "kadin-dayanisma", 1)
	assert.ErrorIs(t, err, cso.ErrStaleVersion)

	got, err := s.Organization(ctx, "kadin-dayanisma")
	require.NoError(t, err)
	assert.Equal(t, "KDV", got.ShortName)
	assert.Equal(t, cso.Text{"tr": "Kadın Dayanışma Vakfı"}, got.Name)
	assert.Equal(t, 2, got.Version)
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Text: "kaybolan"}).Total)
}

func testMissing(t *testing.T, s cso.Store) {
	ctx := context.Background()
	mustCreate(t, s, newOrg("var-olan", "Var Olan Dernek"))

	_, err := s.Organization(ctx, "yok")
	assert.ErrorIs(t, err, cso.ErrNotFound)
	_, err = s.OrganizationByRegistryID(ctx, "99-999-999")
	assert.ErrorIs(t, err, cso.ErrNotFound)
	_, err = s.OrganizationByID(ctx, 987654321)
	assert.ErrorIs(t, err, cso.ErrNotFound)

	ghost := newOrg("yok", "Yok Derneği")
	ghost.ID, ghost.Version = 987654321, 1
	assert.ErrorIs(t, s.UpdateOrganization(ctx, ghost), cso.ErrNotFound)

	assert.ErrorIs(t, s.DeleteOrganization(ctx, "yok", 0), cso.ErrNotFound)
	assert.ErrorIs(t, s.DeleteOrganization(ctx, "yok", 3), cso.ErrNotFound)

	_, err = s.TokenOrganizationID(ctx, cso.HashToken("mst_unknown"))
	assert.ErrorIs(t, err, cso.ErrNotFound)
}

func testDeleteCascades(t *testing.T, s cso.Store) {
	ctx := context.Background()
	o := withService(newOrg("silinecek", "Silinecek Dernek"),
		"health", "women", "tr", 1)
	o.Offices = []cso.Office{{Address: "Adana", Province: 1}}
	mustCreate(t, s, o, newOrg("kalan", "Kalan Dernek"))

	hash := cso.HashToken("mst_silinecek")
	require.NoError(t, s.SaveToken(ctx, cso.Token{
		OrganizationID: o.ID, Hash: hash, Label: "web",
	}))

	require.NoError(t, s.DeleteOrganization(ctx, "silinecek", 0))

	_, err := s.Organization(ctx, "silinecek")
	assert.ErrorIs(t, err, cso.ErrNotFound)
	_, err = s.OrganizationByID(ctx, o.ID)
	assert.ErrorIs(t, err, cso.ErrNotFound)
	_, err = s.TokenOrganizationID(ctx, hash)
	assert.ErrorIs(t, err, cso.ErrNotFound, "its tokens go with it")

	assert.Equal(t, []string{"kalan"}, slugs(mustSearch(t, s, cso.Query{})))
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Text: "silinecek"}).Total)
	assert.Equal(t, 0, mustSearch(t, s, cso.Query{Province: 1}).Total)

	// The slug is free again.
	mustCreate(t, s, newOrg("silinecek", "Yeni Dernek"))
}

func testTokens(t *testing.T, s cso.Store) {
	ctx := context.Background()
	a, b := newOrg("a-dernegi", "A Derneği"), newOrg("b-dernegi", "B Derneği")
	mustCreate(t, s, a, b)

	created := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	tokens := []cso.Token{
		{OrganizationID: a.ID, Hash: cso.HashToken("mst_a1"), Label: "web", CreatedAt: created},
		{OrganizationID: a.ID, Hash: cso.HashToken("mst_a2"), Label: "import", CreatedAt: created},
		{OrganizationID: b.ID, Hash: cso.HashToken("mst_b1"), Label: "web", CreatedAt: created},
	}
	for _, tok := range tokens {
		require.NoError(t, s.SaveToken(ctx, tok))
	}

	for plain, want := range map[string]int64{
		"mst_a1": a.ID, "mst_a2": a.ID, "mst_b1": b.ID,
	} {
		got, err := s.TokenOrganizationID(ctx, cso.HashToken(plain))
		require.NoError(t, err, plain)
		assert.Equal(t, want, got, plain)
	}

	_, err := s.TokenOrganizationID(ctx, cso.HashToken("mst_a3"))
	assert.ErrorIs(t, err, cso.ErrNotFound)

	n, err := s.DeleteTokens(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	for _, plain := range []string{"mst_a1", "mst_a2"} {
		_, err := s.TokenOrganizationID(ctx, cso.HashToken(plain))
		assert.ErrorIs(t, err, cso.ErrNotFound, plain)
	}
	got, err := s.TokenOrganizationID(ctx, cso.HashToken("mst_b1"))
	require.NoError(t, err)
	assert.Equal(t, b.ID, got, "another organization's token stays")
}
