package cso

import "slices"

// csvServiceColumns hold an organization's services together.
var csvServiceColumns = []string{
	"service_areas", "target_groups", "languages", "provinces",
}

// csvOfficeColumns hold an organization's public offices together.
var csvOfficeColumns = []string{
	"office_address", "office_district", "office_province",
	"office_postal_code", "office_lat", "office_lon",
}

// csvFieldColumns are the columns that hold one field each, with how an
// update keeps the stored value of one that a file leaves out. Kind is
// not among them: every row needs one.
var csvFieldColumns = []struct {
	column string
	keep   func(n, stored *Organization)
}{
	{"short_name", func(n, s *Organization) { n.ShortName = s.ShortName }},
	{"status", func(n, s *Organization) { n.Status = s.Status }},
	{"website", func(n, s *Organization) { n.Website = s.Website }},
	{"email", func(n, s *Organization) { n.Email = s.Email }},
	{"phones", func(n, s *Organization) { n.Phones = slices.Clone(s.Phones) }},
	{"social_links", func(n, s *Organization) {
		n.SocialLinks = slices.Clone(s.SocialLinks)
	}},
	{"registry_id", func(n, s *Organization) { n.RegistryID = s.RegistryID }},
}

// mergeCSVRow returns what a row of f makes of the stored organization
// it updates: the row's values for the columns f has, and the stored
// values for the others.
func mergeCSVRow(stored, row *Organization, f *csvFile) *Organization {
	n := *row
	n.Name = mergeCSVText(stored.Name, row.Name, f, "name")
	n.Description = mergeCSVText(stored.Description, row.Description, f, "description")
	for _, fc := range csvFieldColumns {
		if !f.has(fc.column) {
			fc.keep(&n, stored)
		}
	}

	n.Services = mergeCSVServices(stored.Services, row.Services, f)
	n.Offices = mergeCSVOffices(stored.Offices, row.Offices, f)
	return &n
}

// mergeCSVText returns the stored text with the values of the languages
// whose columns f has (prefix_tr, prefix_en, prefix_ar) taken from the
// row, which holds nothing else. Languages without a column are kept.
func mergeCSVText(stored, row Text, f *csvFile, prefix string) Text {
	out := make(Text, len(stored)+len(row))
	for lang, v := range stored {
		if !slices.Contains(csvTextLanguages, lang) || !f.has(prefix+"_"+lang) {
			out[lang] = v
		}
	}
	for lang, v := range row {
		out[lang] = v
	}

	if len(out) == 0 {
		return nil
	}
	return out
}

// mergeCSVServices returns the services of an updated organization: the
// row's, unless f has no service column or the row says what WriteCSV
// would write for the stored services, which are then kept with what a
// file cannot hold (names, descriptions, eligibility, the target groups,
// languages and provinces of each service).
func mergeCSVServices(stored, row []Service, f *csvFile) []Service {
	if !f.hasAny(csvServiceColumns) ||
		csvServicesOf(stored).sameValues(csvServicesOf(row)) {
		return slices.Clone(stored)
	}
	return row
}

// mergeCSVOffices returns the offices of an updated organization: the
// stored ones, if f has no office column or the row's office is what
// WriteCSV would write for them, or else the row's office in place of
// the public ones, with the confidential ones kept.
func mergeCSVOffices(stored, row []Office, f *csvFile) []Office {
	if !f.hasAny(csvOfficeColumns) ||
		slices.Equal(appendCSVOffice(nil, stored), appendCSVOffice(nil, row)) {
		return slices.Clone(stored)
	}
	return keepConfidentialOffices(row, stored)
}

// keepConfidentialOffices returns the offices of a row of a file with
// the confidential offices of the stored organization it updates. A file
// cannot mark an office confidential, so a row's offices stand for the
// public ones only: they take the places of the stored public offices,
// in order, and the confidential offices keep theirs. Rows with more
// offices than the stored public ones add them at the end.
func keepConfidentialOffices(rowOffices, stored []Office) []Office {
	var offices []Office
	next := 0
	for _, off := range stored {
		switch {
		case off.Confidential:
			offices = append(offices, off)
		case next < len(rowOffices):
			offices = append(offices, rowOffices[next])
			next++
		}
	}
	return append(offices, rowOffices[next:]...)
}
