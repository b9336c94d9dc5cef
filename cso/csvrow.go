package cso

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// parseCSVRow builds an organization from the columns that get returns,
// reporting what cannot be parsed (numbers, provinces, codes).
func parseCSVRow(get func(string) string) (*Organization, csvProblems) {
	bad := csvProblems{}
	o := &Organization{
		Slug:        get("slug"),
		Name:        csvText(get, "name"),
		ShortName:   get("short_name"),
		Kind:        Kind(get("kind")),
		Status:      Status(get("status")),
		Description: csvText(get, "description"),
		Website:     get("website"),
		Email:       get("email"),
		Phones:      csvList(get("phones")),
		SocialLinks: csvList(get("social_links")),
		RegistryID:  get("registry_id"),
	}
	if o.Status == "" {
		o.Status = StatusActive
	}

	o.Services = parseCSVServices(get, bad)
	if off, ok := parseCSVOffice(get, bad); ok {
		o.Offices = []Office{off}
	}
	return o, bad
}

// csvTextLanguages are the languages that texts have columns for.
var csvTextLanguages = []string{"tr", "en", "ar"}

// csvText gathers the _tr, _en and _ar columns of a text.
func csvText(get func(string) string, prefix string) Text {
	var t Text
	for _, lang := range csvTextLanguages {
		if v := get(prefix + "_" + lang); v != "" {
			if t == nil {
				t = Text{}
			}
			t[lang] = v
		}
	}
	return t
}

// parseCSVServices makes one service per service area. Each column is
// checked on its own, so that a bad value in one is reported even when
// another leaves the row without services.
func parseCSVServices(get func(string) string, bad csvProblems) []Service {
	groups := csvTargetGroups(get("target_groups"), bad)
	languages := csvLanguages(get("languages"), bad)
	provinces := csvProvinces(get("provinces"), bad)

	areas := csvCodes(get("service_areas"))
	if len(areas) == 0 && (len(groups) > 0 || len(languages) > 0 || len(provinces) > 0) {
		bad.add("service_areas", "required when provinces, target_groups or languages are given")
	}

	var services []Service
	for _, code := range areas {
		area, ok := ServiceArea(code)
		if !ok {
			bad.add("service_areas", fmt.Sprintf("unknown service area %q", code))
			continue
		}
		services = append(services, Service{
			Name:         area.Label,
			Areas:        []string{code},
			TargetGroups: slices.Clone(groups),
			Languages:    slices.Clone(languages),
			Provinces:    slices.Clone(provinces),
		})
	}
	return services
}

// csvTargetGroups reads the target_groups cell, reporting unknown codes.
func csvTargetGroups(cell string, bad csvProblems) []string {
	groups := csvCodes(cell)
	for _, g := range groups {
		if !knownTargetGroup(g) {
			bad.add("target_groups", fmt.Sprintf("unknown target group %q", g))
		}
	}
	return groups
}

// csvLanguages reads the languages cell, reporting what is not a BCP 47
// tag naming a language. Tags are written in canonical form and kept
// once, so ar and AR are one language.
func csvLanguages(cell string, bad csvProblems) []string {
	var languages []string
	for _, tag := range csvList(cell) {
		if languageTagTooLong(tag) {
			bad.add("languages", "has a tag "+longTagProblem(tag))
			continue
		}
		if !validLanguageTag(tag) {
			bad.add("languages", fmt.Sprintf("unknown language tag %q "+
				"(use a BCP 47 tag such as tr, en or ar-SY)", tag))
			continue
		}
		languages = appendNew(languages, canonicalTag(tag))
	}
	return languages
}

// csvProvinces reads the provinces cell, reporting what names no
// province. Each province is kept once, however many ways the cell
// names it (34, İstanbul, Istanbul).
func csvProvinces(cell string, bad csvProblems) []int {
	var provinces []int
	for _, name := range csvList(cell) {
		code, err := parseCSVProvince(name)
		if err != nil {
			bad.add("provinces", err.Error())
			continue
		}
		provinces = appendNew(provinces, code)
	}
	return provinces
}

// parseCSVProvince reads a plate code or a province name.
func parseCSVProvince(s string) (int, error) {
	if strings.Trim(s, "0123456789") == "" {
		code, err := strconv.Atoi(s)
		if _, ok := ProvinceByCode(code); err != nil || !ok {
			return 0, fmt.Errorf("no province has plate code %s", s)
		}
		return code, nil
	}

	p, ok := ProvinceByName(s)
	if !ok {
		return 0, fmt.Errorf("unknown province %q", s)
	}
	return p.Code, nil
}

// parseCSVOffice reads the office columns and reports whether any of
// them is given.
func parseCSVOffice(get func(string) string, bad csvProblems) (Office, bool) {
	off := Office{
		Address:    get("office_address"),
		District:   get("office_district"),
		PostalCode: get("office_postal_code"),
	}
	province := get("office_province")
	lat, lon := get("office_lat"), get("office_lon")

	if off.Address == "" && province == "" {
		if off.District == "" && off.PostalCode == "" && lat == "" && lon == "" {
			return off, false
		}
		// The office is kept, so that validation reports what else is
		// wrong with it too.
		const reason = "required when other office columns are given"
		bad.add("office_address", reason)
		bad.add("office_province", reason)
	}

	if province != "" {
		code, err := parseCSVProvince(province)
		if err != nil {
			bad.add("office_province", err.Error())
		}
		off.Province = code
	}

	off.Location = parseCSVLocation(lat, lon, bad)
	return off, true
}

// parseCSVLocation reads the coordinates of an office, which come both or
// not at all.
func parseCSVLocation(lat, lon string, bad csvProblems) *Coordinates {
	if lat == "" && lon == "" {
		return nil
	}
	if lat == "" {
		bad.add("office_lat", "required when office_lon is given")
		return nil
	}
	if lon == "" {
		bad.add("office_lon", "required when office_lat is given")
		return nil
	}

	la, errLat := parseDegrees(lat, 90)
	if errLat != nil {
		bad.add("office_lat", errLat.Error())
	}
	lo, errLon := parseDegrees(lon, 180)
	if errLon != nil {
		bad.add("office_lon", errLon.Error())
	}
	if errLat != nil || errLon != nil {
		return nil
	}
	return &Coordinates{Lat: la, Lon: lo}
}

// decimalDegrees is the form of a coordinate in a CSV cell: an optional
// sign, digits, and a point followed by digits. Go's other number forms
// (1_000, 0x1p4, 1e3, Inf) are no way to write degrees, and a decimal
// comma would be read as a field separator by other tools.
var decimalDegrees = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// parseDegrees reads a decimal number of degrees between -limit and limit.
func parseDegrees(s string, limit float64) (float64, error) {
	if !decimalDegrees.MatchString(s) {
		return 0, fmt.Errorf("must be a decimal number such as 41.0082 "+
			"(digits, with a point before any decimals), not %q", s)
	}

	// A decimal number fails to parse only when it is too large.
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < -limit || v > limit {
		return 0, fmt.Errorf("%s is outside -%g to %g degrees", s, limit, limit)
	}
	return v, nil
}
