package cso

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// csvImport gathers the organizations and the errors of a CSV file. It
// reads every row first and checks them once the whole file is read, so
// a file over the row limit is refused before any row is validated.
type csvImport struct {
	head   map[string]int
	parsed []parsedRow
	orgs   []*Organization
	keys   []string // the slug each of orgs is matched by
	errs   []RowError

	// slugs and registryIDs remember the first line of each key, to
	// report duplicates within the file.
	slugs       map[string]int
	registryIDs map[string]int
}

// parsedRow is a row read but not yet checked.
type parsedRow struct {
	line   int
	fields []string

	// What prepare finds out, on its own for each row.
	org     *Organization
	bad     csvProblems
	slug    string // the given slug, or the one derived from the name
	derived bool
	invalid error // what Validate returned
}

func newCSVImport(head map[string]int) *csvImport {
	return &csvImport{
		head:        head,
		slugs:       map[string]int{},
		registryIDs: map[string]int{},
	}
}

// fail records an error that concerns the whole row.
func (imp *csvImport) fail(line int, column, reason string) {
	imp.errs = append(imp.errs, RowError{line, column, reason})
}

// row keeps one record, which the reader may overwrite afterwards; its
// field strings stay valid, so only the slice is copied.
func (imp *csvImport) row(line int, rec []string) {
	imp.parsed = append(imp.parsed, parsedRow{line: line, fields: slices.Clone(rec)})
}

// checkAll checks the rows read, chunk at a time (all at once for zero),
// emitting the organizations of each chunk while no row so far is bad,
// and returns the errors of the bad rows.
func (imp *csvImport) checkAll(chunk int, emit func([]*Organization, []string)) error {
	rows := imp.parsed
	imp.parsed = nil
	if chunk <= 0 {
		chunk = max(len(rows), 1)
	}

	for start := 0; start < len(rows); start += chunk {
		imp.check(rows[start:min(start+chunk, len(rows))])
		if len(imp.errs) == 0 {
			emit(imp.orgs, imp.keys)
		}
		imp.orgs, imp.keys = nil, nil
	}

	if len(imp.errs) == 0 {
		return nil
	}
	slices.SortStableFunc(imp.errs, func(a, b RowError) int {
		return a.Line - b.Line
	})
	return &ImportError{Rows: imp.errs}
}

// check parses, normalizes and validates rows and records either the
// organizations or the errors, one per bad column. Rows are prepared in
// parallel, as each stands on its own; what depends on the rows before
// it (duplicates) is checked after, in order.
func (imp *csvImport) check(rows []parsedRow) {
	inParallel(len(rows), func(i int) {
		rows[i].prepare(imp.head)
	})

	for _, r := range rows {
		imp.duplicates(r)

		var verr *ValidationError
		if errors.As(r.invalid, &verr) {
			r.bad.addValidation(verr)
		} else if r.invalid != nil {
			r.bad.add("", r.invalid.Error())
		}

		for _, column := range r.bad.columns() {
			imp.fail(r.line, column, r.bad[column])
		}
		if len(r.bad) == 0 {
			imp.orgs = append(imp.orgs, r.org)
			imp.keys = append(imp.keys, r.slug)
		}
	}
}

// prepare builds the organization of the row, normalizes it, derives
// its slug and validates it.
func (r *parsedRow) prepare(head map[string]int) {
	get := func(column string) string {
		if i, ok := head[column]; ok {
			return strings.TrimSpace(r.fields[i])
		}
		return ""
	}
	r.org, r.bad = parseCSVRow(get)
	r.fields = nil

	r.org.Normalize()
	r.slug = r.org.Slug
	if r.slug == "" {
		r.slug, r.derived = DeriveSlug(r.org), true
	}
	r.invalid = r.org.Validate()
}

// inParallel calls fn for every index below n, spread over as many
// goroutines as may run at once, and returns when all calls have.
func inParallel(n int, fn func(i int)) {
	const chunk = 64
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)

	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					fn(i)
				}
			}
		})
	}
	wg.Wait()
}

// duplicates reports a slug or registry identifier that an earlier row of
// the file already holds.
func (imp *csvImport) duplicates(r parsedRow) {
	derived := ""
	if r.derived {
		derived = " (derived from the name)"
	}
	if first, ok := imp.slugs[r.slug]; ok && r.slug != "" {
		r.bad.add("slug", fmt.Sprintf("slug %q%s is already used on line %d",
			r.slug, derived, first))
	} else if r.slug != "" {
		imp.slugs[r.slug] = r.line
	}

	id := r.org.RegistryID
	if first, ok := imp.registryIDs[id]; ok && id != "" {
		r.bad.add("registry_id", fmt.Sprintf(
			"registry_id is already used on line %d", first))
	} else if id != "" {
		imp.registryIDs[id] = r.line
	}
}

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

// csvText gathers the _tr, _en and _ar columns of a text.
func csvText(get func(string) string, prefix string) Text {
	var t Text
	for _, lang := range []string{"tr", "en", "ar"} {
		if v := get(prefix + "_" + lang); v != "" {
			if t == nil {
				t = Text{}
			}
			t[lang] = v
		}
	}
	return t
}

// csvCodes splits a ';'-separated cell of taxonomy codes, which are
// lower case.
func csvCodes(s string) []string {
	return csvList(strings.ToLower(s))
}

// csvList splits a ';'-separated cell, dropping empty items.
func csvList(s string) []string {
	var items []string
	for item := range strings.SplitSeq(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}

// parseCSVServices makes one service per service area.
func parseCSVServices(get func(string) string, bad csvProblems) []Service {
	groups := csvCodes(get("target_groups"))
	for _, g := range groups {
		if _, ok := TargetGroup(g); !ok {
			bad.add("target_groups", fmt.Sprintf("unknown target group %q", g))
		}
	}

	var provinces []int
	for _, name := range csvList(get("provinces")) {
		code, err := parseCSVProvince(name)
		if err != nil {
			bad.add("provinces", err.Error())
			continue
		}
		provinces = append(provinces, code)
	}

	areas := csvCodes(get("service_areas"))
	languages := csvList(get("languages"))
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

// parseCSVOffice reads the office columns and reports whether they
// describe an office.
func parseCSVOffice(get func(string) string, bad csvProblems) (Office, bool) {
	off := Office{
		Address:    get("office_address"),
		District:   get("office_district"),
		PostalCode: get("office_postal_code"),
	}
	province := get("office_province")
	lat, lon := get("office_lat"), get("office_lon")

	if off.Address == "" && province == "" {
		if off.District != "" || off.PostalCode != "" || lat != "" || lon != "" {
			bad.add("office_address", "required when other office columns are given")
		}
		return off, false
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

// parseDegrees reads a decimal number of degrees between -limit and limit.
func parseDegrees(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a decimal number of degrees", s)
	}
	if v < -limit || v > limit {
		return 0, fmt.Errorf("%s is outside -%g to %g degrees", s, limit, limit)
	}
	return v, nil
}
