package cso

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ImportError lists every bad row of a CSV file, one RowError per bad
// field. It matches ErrInvalid.
type ImportError struct {
	Rows []RowError `json:"rows"`
}

// RowError is one bad field of a CSV file.
type RowError struct {
	// Line is the line the row starts on, counted from 1 (the header).
	Line int `json:"line"`

	// Column names the bad column; it is empty when the whole row is bad,
	// for example when its quoting is broken.
	Column string `json:"column,omitempty"`

	// Reason says what is wrong, in words a person can act on.
	Reason string `json:"reason"`
}

// maxErrorsShown is the number of row errors ImportError.Error spells out.
const maxErrorsShown = 5

// Error summarises the bad rows, spelling out the first few.
func (e *ImportError) Error() string {
	lines := map[int]bool{}
	for _, r := range e.Rows {
		lines[r.Line] = true
	}

	var b strings.Builder
	fmt.Fprintf(&b, "cso: csv has %s in %s",
		countOf(len(e.Rows), "error"), countOf(len(lines), "row"))
	for i, r := range e.Rows {
		if i == maxErrorsShown {
			fmt.Fprintf(&b, "; and %d more", len(e.Rows)-i)
			break
		}
		b.WriteString("; ")
		b.WriteString(r.String())
	}
	return b.String()
}

// countOf writes n with the noun, plural unless n is 1.
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ImportError) Is(target error) bool { return target == ErrInvalid }

// String formats the error as "line 3, phones: reason". A column name
// that is not plain printable text, such as a header cell of a binary
// file, is quoted with Go escapes, so that its bytes never reach a
// terminal as they are.
func (r RowError) String() string {
	if r.Column == "" {
		return fmt.Sprintf("line %d: %s", r.Line, r.Reason)
	}

	column := strconv.Quote(r.Column)
	if column[1:len(column)-1] == r.Column {
		column = r.Column
	}
	return fmt.Sprintf("line %d, %s: %s", r.Line, column, r.Reason)
}

// csvProblems maps the bad columns of a row to what is wrong with them,
// each reason once, in the order found.
type csvProblems map[string][]string

// add records a reason for a column, after any other reasons it has.
func (p csvProblems) add(column, reason string) {
	if !slices.Contains(p[column], reason) {
		p[column] = append(p[column], reason)
	}
}

// reason says what is wrong with a column.
func (p csvProblems) reason(column string) string {
	return strings.Join(p[column], "; ")
}

// addValidation records the fields of a validation error of o under
// their columns, except for columns that already failed to parse: their
// values were never read, so what validation says about them would only
// repeat or mislead. A bad entry of a list cell is named by its place
// and value.
func (p csvProblems) addValidation(verr *ValidationError, o *Organization) {
	parsed := map[string]bool{}
	for column := range p {
		parsed[column] = true
	}

	paths := make([]string, 0, len(verr.Fields))
	for path := range verr.Fields {
		paths = append(paths, path)
	}
	slices.Sort(paths)

	for _, path := range paths {
		column := csvColumnOf(path)
		if !parsed[column] {
			p.add(column, csvEntryOf(o, path)+verr.Fields[path])
		}
	}
}

// columns returns the bad columns in the order of the format, with the
// whole-row problems first.
func (p csvProblems) columns() []string {
	var cols []string
	if _, ok := p[""]; ok {
		cols = append(cols, "")
	}
	for _, c := range csvColumns {
		if _, ok := p[c]; ok {
			cols = append(cols, c)
		}
	}
	for c := range p {
		if c != "" && !slices.Contains(csvColumns, c) {
			cols = append(cols, c)
		}
	}
	return cols
}

// csvColumnOf returns the CSV column that holds the field at a validation
// path such as "services[0].provinces[2]" or "name.en".
func csvColumnOf(path string) string {
	segs := pathSegments(path)
	if len(segs) == 0 {
		return ""
	}

	switch segs[0] {
	case "name", "description":
		lang := "tr"
		if len(segs) > 1 && (segs[1] == "en" || segs[1] == "ar") {
			lang = segs[1]
		}
		return segs[0] + "_" + lang

	case "services":
		if len(segs) > 1 && slices.Contains([]string{
			"target_groups", "languages", "provinces"}, segs[1]) {
			return segs[1]
		}
		return "service_areas"

	case "offices":
		return officeColumnOf(segs[1:])
	}

	if slices.Contains(csvColumns, segs[0]) {
		return segs[0]
	}
	return path
}

// officeColumnOf returns the column of a field inside an office.
func officeColumnOf(segs []string) string {
	if len(segs) == 0 {
		return "office_address"
	}
	switch segs[0] {
	case "district", "province", "postal_code":
		return "office_" + segs[0]
	case "location":
		if len(segs) > 1 && segs[1] == "lon" {
			return "office_lon"
		}
		return "office_lat"
	}
	return "office_address"
}

// pathSegments splits a field path into names, dropping list indexes:
// "services[0].provinces[2]" gives services and provinces, and both
// "name.en" and "name[en]" give name and en.
func pathSegments(path string) []string {
	var segs []string
	for part := range strings.FieldsFuncSeq(path, func(r rune) bool {
		return r == '.' || r == '[' || r == ']'
	}) {
		if strings.Trim(part, "0123456789") != "" {
			segs = append(segs, part)
		}
	}
	return segs
}
