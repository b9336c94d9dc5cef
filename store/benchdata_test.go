package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// Word lists for generated organizations. A name takes two Turkish words
// of sixty, so a word such as "Çocuk" is in about 3% of the names;
// descriptions and service names draw on other lists.
var (
	benchNameWords = strings.Fields(`Çocuk Kadın Göç Hukuk Sağlık Eğitim
		Dayanışma Umut Yaşam Destek Mülteci Sığınmacı Gençlik Kültür Emek
		Barış İnsan Hak Gelecek Köprü Yardım Birlik Anadolu Deniz Güneş Işık
		Yol Ev Aile Dostluk Zeytin Çınar Ufuk Rüzgâr Toprak Bereket Şafak
		Yıldız Pınar Kardeşlik Özgürlük Emeği Sanat Müzik Spor Tarım Kent
		Mahalle Komşu Ekmek Çatı Kapı Pencere Bahçe Fidan Kuşak Nehir Dağ
		Ova Vadi Liman`)
	benchArabicWords = strings.Fields(`الأمل مدرسة السلام الحياة الأطفال
		النساء المستقبل التضامن الكرامة الرحمة`)
	benchEnglishWords = strings.Fields(`Hope Bridge Future Solidarity
		Children Women Rights Health Education Peace`)
	benchDescriptionWords = strings.Fields(`ücretsiz destek danışmanlık
		yönlendirme atölye kurs rehberlik ziyaret gönüllü ağ toplum saha
		bilgi başvuru psikolojik sosyal dil mesleki istihdam barınma gıda
		aile birey grup merkez hat online yüz görüşme randevu`)
	benchServiceNames = strings.Fields(`Danışma Atölye Kurs Ziyaret
		Yönlendirme Rehberlik Eşlik Tercüme`)
	benchSuffixes = []string{
		"Derneği", "Vakfı", "Kooperatifi", "Platformu", "Merkezi", "Ağı",
	}
	benchBigCities = []int{34, 6, 35, 27, 63, 1, 31, 33, 42, 16}
)

// benchOrganization returns the i-th generated organization. The same
// seed gives the same organizations on every machine. It has one to
// three services, each in one area and one to three provinces, so that
// many organizations with a service in a province and one in an area
// have no service with both, which a search by both must tell apart.
func benchOrganization(r *rand.Rand, i int) *cso.Organization {
	name := pick(r, benchNameWords) + " " + pick(r, benchNameWords) + " " +
		pick(r, benchSuffixes)
	o := &cso.Organization{
		Slug:   fmt.Sprintf("kurulus-%06d", i),
		Name:   cso.Text{"tr": name},
		Kind:   cso.KindAssociation,
		Status: cso.StatusActive,
		Description: cso.Text{"tr": pickN(r, benchDescriptionWords, 6) +
			" " + fmt.Sprintf("kayıt %d", i)},
		Website: fmt.Sprintf("https://kurulus-%06d.example.org", i),
	}
	if r.IntN(2) == 0 {
		o.Name["en"] = pickN(r, benchEnglishWords, 2) + " Association"
	}
	if r.IntN(10) < 3 {
		o.Name["ar"] = "جمعية " + pickN(r, benchArabicWords, 2)
	}
	if r.IntN(20) == 0 {
		o.Status = cso.StatusInactive
	}

	areas := cso.ServiceAreas()
	groups := cso.TargetGroups()
	for range 1 + r.IntN(3) {
		svc := cso.Service{
			Name:  cso.Text{"tr": pick(r, benchServiceNames)},
			Areas: []string{areas[r.IntN(len(areas))].Code},
			TargetGroups: []string{
				groups[r.IntN(len(groups))].Code,
			},
			Languages: []string{pick(r, []string{"tr", "ar", "en", "fa", "ku"})},
		}
		for range 1 + r.IntN(3) {
			svc.Provinces = append(svc.Provinces, benchProvince(r))
		}
		o.Services = append(o.Services, svc)
	}
	o.Offices = []cso.Office{{
		Address:  fmt.Sprintf("Cumhuriyet Cad. No: %d", 1+r.IntN(200)),
		Province: o.Services[0].Provinces[0],
		Location: &cso.Coordinates{Lat: 36 + 6*r.Float64(), Lon: 26 + 18*r.Float64()},
	}}
	return o
}

// benchProvince draws a province, the big cities more often.
func benchProvince(r *rand.Rand) int {
	if r.IntN(10) < 3 {
		return benchBigCities[r.IntN(len(benchBigCities))]
	}
	return 1 + r.IntN(81)
}

func pick(r *rand.Rand, words []string) string {
	return words[r.IntN(len(words))]
}

func pickN(r *rand.Rand, words []string, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = pick(r, words)
	}
	return strings.Join(out, " ")
}

// fillBench stores n generated organizations as an import does, with
// CreateOrganizations.
func fillBench(ctx context.Context, db *DB, n int) error {
	r := rand.New(rand.NewPCG(2026, 12))
	orgs := make([]*cso.Organization, n)
	for i := range orgs {
		orgs[i] = benchOrganization(r, i)
	}
	if err := db.Organizations().(cso.BulkCreator).CreateOrganizations(ctx, orgs); err != nil {
		return fmt.Errorf("fill: %w", err)
	}

	// Give the planner its statistics, and PostgreSQL the visibility map
	// that index-only scans need, as autovacuum would in time.
	analyze := "ANALYZE"
	if db.dialect == DialectPostgres {
		analyze = "VACUUM ANALYZE"
	}
	_, err := db.bun.ExecContext(ctx, analyze)
	return err
}
