package cso

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// MaxCSVRows is the largest number of data rows ReadCSV accepts.
const MaxCSVRows = 200_000

// csvColumns are the columns of the import format, in the order WriteCSV
// writes them.
var csvColumns = []string{
	"slug", "name_tr", "name_en", "name_ar", "short_name", "kind",
	"status", "description_tr", "description_en", "description_ar",
	"website", "email", "phones", "social_links", "registry_id",
	"provinces", "service_areas", "target_groups", "languages",
	"office_address", "office_district", "office_province",
	"office_postal_code", "office_lat", "office_lon",
}

// requiredCSVColumns are the columns every file must have: a row
// cannot be valid without them.
var requiredCSVColumns = []string{"name_tr", "kind"}

// ReadCSV reads organizations in the directory's CSV import format and
// returns them normalized and validated, or, if any row is bad, nil and an
// *ImportError that lists every bad field of every bad row.
//
// The file is UTF-8 text (a leading byte order mark is tolerated),
// comma-separated with RFC 4180 quoting, and starts with a header row
// that names its columns in any order. A column the format does not know,
// or one named twice, is an error, and so is a file without name_tr or
// kind, which every row needs. Another missing column reads as empty
// ([Directory.Import] keeps what it would hold for an organization it
// updates). The columns are:
//
//	slug                 public identifier; derived from short_name or
//	                     name_tr when empty
//	name_tr              name in Turkish (required)
//	name_en, name_ar     name in English and Arabic
//	short_name           abbreviation, such as SGDD-ASAM
//	kind                 association, foundation, cooperative, platform,
//	                     international or other (required)
//	status               active (the default), inactive or closed
//	description_tr, description_en, description_ar
//	website              http or https URL; a bare domain gains https://
//	email                contact address
//	phones               phone numbers, separated by ';'
//	social_links         URLs, separated by ';'
//	registry_id          association or foundation register number, or
//	                     tax number
//	provinces            where the services are offered: plate codes
//	                     (34) or province names in any language (İstanbul,
//	                     Istanbul, إسطنبول), separated by ';'
//	service_areas        service-area codes, such as legal_counseling,
//	                     separated by ';'
//	target_groups        target-group codes, such as women, separated by ';'
//	languages            BCP 47 language tags, such as ar or fa,
//	                     separated by ';'
//	office_address       street address of the office
//	office_district      district (ilçe)
//	office_province      plate code or name of the office's province
//	office_postal_code   five-digit postal code
//	office_lat, office_lon
//	                     WGS 84 coordinates in decimal degrees, both or
//	                     neither: an optional sign, digits and an
//	                     optional point with more digits, such as
//	                     41.0082 (no decimal comma, exponent or _)
//
// Each service area becomes one Service named after the area, for the
// row's target groups, in its languages and provinces. The office columns
// give one Office when office_address or office_province is set; it is
// never confidential, and [Directory.Import] keeps the confidential
// offices of an organization it updates.
//
// Codes are matched without regard to case, and a code, language tag or
// province that a cell names twice, in any case or by plate code and by
// name, counts once. A ';' inside a web address must be written %3B, as
// WriteCSV writes it. Values are normalized as
// [Organization.Normalize] does (a bare domain gains https://, phone
// numbers become E.164). Two rows with the same slug (given, or derived as
// the directory derives it) or the same registry_id are errors. A file
// with more than MaxCSVRows data rows is refused before any row is
// checked. Lines are counted from 1, the header being line 1, as a text
// editor counts them. ReadCSV reads r to its end; a caller that accepts
// files from the network should limit their size first.
func ReadCSV(r io.Reader) ([]*Organization, error) {
	f, err := readCSV(r)
	if err != nil {
		return nil, err
	}
	if len(f.errs) > 0 {
		return nil, &ImportError{Rows: f.errs}
	}

	orgs := make([]*Organization, len(f.rows))
	for i, row := range f.rows {
		orgs[i] = row.org
	}
	return orgs, nil
}

// csvFile is what readCSV found in a file: its good rows, and an error
// for every bad column of its bad rows.
type csvFile struct {
	head map[string]int // the header's columns, by name
	rows []csvRow
	errs []RowError // by line
}

// csvRow is a good row of a file.
type csvRow struct {
	line int
	org  *Organization

	// slug is the one the directory matches org by: the one given, or,
	// when derived is true, the one derived from the name.
	slug    string
	derived bool
}

// has reports whether the file's header names the column.
func (f *csvFile) has(column string) bool {
	_, ok := f.head[column]
	return ok
}

// hasAny reports whether the file's header names one of the columns.
func (f *csvFile) hasAny(columns []string) bool {
	return slices.ContainsFunc(columns, f.has)
}

// readCSV reads a file as ReadCSV does and returns its good rows with
// the errors of its bad ones. A file it refuses as a whole (no header,
// bad columns, too many rows) yields an *ImportError instead.
func readCSV(r io.Reader) (*csvFile, error) {
	cr := csv.NewReader(skipBOM(r))
	cr.ReuseRecord = true

	head, err := readCSVHeader(cr)
	if err != nil {
		return nil, err
	}

	imp := newCSVImport(head)
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}

		line := recordLine(cr, err)
		if n > MaxCSVRows {
			return nil, &ImportError{Rows: []RowError{{
				Line: line,
				Reason: fmt.Sprintf(
					"the file has more than %d data rows: split it",
					MaxCSVRows),
			}}}
		}
		if err != nil && !isCSVSyntaxError(err) {
			return nil, fmt.Errorf("cso: read csv: %w", err)
		}
		if err != nil {
			imp.fail(line, "", syntaxReason(err))
			continue
		}

		imp.row(line, rec)
	}
	return imp.checkAll(), nil
}

// skipBOM returns r without a leading UTF-8 byte order mark.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	return br
}

// readCSVHeader reads the header row and maps each column to its field
// position.
func readCSVHeader(cr *csv.Reader) (map[string]int, error) {
	rec, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &ImportError{Rows: []RowError{{
			Line: 1, Reason: "the file is empty: a header row is required",
		}}}
	}
	if err != nil && !isCSVSyntaxError(err) {
		return nil, fmt.Errorf("cso: read csv header: %w", err)
	}
	if err != nil {
		return nil, &ImportError{Rows: []RowError{{
			Line: recordLine(cr, err), Reason: syntaxReason(err),
		}}}
	}

	line, _ := cr.FieldPos(0)
	var errs []RowError
	head := make(map[string]int, len(rec))
	for i, name := range rec {
		name = strings.ToLower(strings.TrimSpace(name))
		switch _, dup := head[name]; {
		case !isCSVColumn(name):
			errs = append(errs, RowError{line, name, "unknown column"})
		case dup:
			errs = append(errs, RowError{line, name, "column named twice"})
		default:
			head[name] = i
		}
	}

	for _, name := range requiredCSVColumns {
		if _, ok := head[name]; !ok {
			errs = append(errs, RowError{line, name, "required column is missing"})
		}
	}
	if len(errs) > 0 {
		return nil, &ImportError{Rows: errs}
	}
	return head, nil
}

func isCSVColumn(name string) bool {
	for _, c := range csvColumns {
		if c == name {
			return true
		}
	}
	return false
}

// recordLine returns the line the record just read starts on.
func recordLine(cr *csv.Reader, err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine
	}
	line, _ := cr.FieldPos(0)
	return line
}

func isCSVSyntaxError(err error) bool {
	var pe *csv.ParseError
	return errors.As(err, &pe)
}

// syntaxReason describes a CSV syntax error without repeating the line.
func syntaxReason(err error) string {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return "wrong number of fields: every row needs as many as the header"
	}
	if pe.Line != pe.StartLine {
		return fmt.Sprintf("%v (line %d, column %d)", pe.Err, pe.Line, pe.Column)
	}
	return fmt.Sprintf("%v (column %d)", pe.Err, pe.Column)
}
