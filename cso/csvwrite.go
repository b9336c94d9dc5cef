package cso

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// WriteCSV writes orgs in the format ReadCSV reads, header first.
//
// The format has one row per organization, so WriteCSV flattens what does
// not fit: it writes the service areas of all services, and the union of
// their target groups, languages and provinces (provinces as plate
// codes). Service names and descriptions, eligibility and required
// documents are not written. Only the first office that is not
// confidential is written, because the format cannot mark an office
// confidential. Organizations whose services follow the one-per-area
// shape that ReadCSV produces come back unchanged from ReadCSV.
func WriteCSV(w io.Writer, orgs []*Organization) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return fmt.Errorf("cso: write csv: %w", err)
	}

	rec := make([]string, 0, len(csvColumns))
	for _, o := range orgs {
		rec = appendCSVRecord(rec[:0], o)
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("cso: write csv %q: %w", o.Slug, err)
		}
	}

	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("cso: write csv: %w", err)
	}
	return nil
}

// appendCSVRecord appends the fields of o in the order of csvColumns.
func appendCSVRecord(rec []string, o *Organization) []string {
	services := csvServicesOf(o.Services)
	rec = append(rec,
		o.Slug, o.Name["tr"], o.Name["en"], o.Name["ar"], o.ShortName,
		string(o.Kind), string(o.Status), o.Description["tr"],
		o.Description["en"], o.Description["ar"], o.Website, o.Email,
		strings.Join(o.Phones, ";"), csvJoinLinks(o.SocialLinks),
		o.RegistryID, joinCodes(services.provinces),
		strings.Join(services.areas, ";"),
		strings.Join(services.groups, ";"),
		strings.Join(services.languages, ";"),
	)
	return appendCSVOffice(rec, o.Offices)
}

// csvServices is what the service columns of a row say: the service
// areas, and the target groups, languages and provinces of every
// service together.
type csvServices struct {
	areas, groups, languages []string
	provinces                []int
}

// csvServicesOf flattens services as WriteCSV writes them: the values
// in the order they first appear, each once, provinces sorted.
func csvServicesOf(services []Service) csvServices {
	var c csvServices
	for _, s := range services {
		c.areas = appendNew(c.areas, s.Areas...)
		c.groups = appendNew(c.groups, s.TargetGroups...)
		c.languages = appendNew(c.languages, s.Languages...)
		c.provinces = appendNew(c.provinces, s.Provinces...)
	}
	slices.Sort(c.provinces)
	return c
}

// sameValues reports whether c and d hold the same values, in any order.
func (c csvServices) sameValues(d csvServices) bool {
	return sameSet(c.areas, d.areas) && sameSet(c.groups, d.groups) &&
		sameSet(c.languages, d.languages) && sameSet(c.provinces, d.provinces)
}

// sameSet reports whether a and b, which hold each value once, hold the
// same values.
func sameSet[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for _, v := range a {
		if !slices.Contains(b, v) {
			return false
		}
	}
	return true
}

// appendCSVOffice appends the office columns for the first office that is
// not confidential, or empty ones.
func appendCSVOffice(rec []string, offices []Office) []string {
	i := slices.IndexFunc(offices, func(off Office) bool {
		return !off.Confidential
	})
	if i < 0 {
		return append(rec, "", "", "", "", "", "")
	}

	off := offices[i]
	province, lat, lon := "", "", ""
	if off.Province != 0 {
		province = strconv.Itoa(off.Province)
	}
	if off.Location != nil {
		lat = strconv.FormatFloat(off.Location.Lat, 'f', -1, 64)
		lon = strconv.FormatFloat(off.Location.Lon, 'f', -1, 64)
	}
	return append(rec, off.Address, off.District, province,
		off.PostalCode, lat, lon)
}

// appendNew appends the items of add that list does not hold yet.
func appendNew[T comparable](list []T, add ...T) []T {
	for _, v := range add {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

func joinCodes(codes []int) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = strconv.Itoa(c)
	}
	return strings.Join(parts, ";")
}
