package cso

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// csvImport gathers the rows and the errors of a CSV file. It reads
// every row first and checks them once the whole file is read, so a file
// over the row limit is refused before any row is validated.
type csvImport struct {
	file   csvFile
	parsed []parsedRow

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
		file:        csvFile{head: head},
		slugs:       map[string]int{},
		registryIDs: map[string]int{},
	}
}

// fail records an error that concerns the whole row.
func (imp *csvImport) fail(line int, column, reason string) {
	imp.file.errs = append(imp.file.errs, RowError{line, column, reason})
}

// row keeps one record, which the reader may overwrite afterwards; its
// field strings stay valid, so only the slice is copied.
func (imp *csvImport) row(line int, rec []string) {
	imp.parsed = append(imp.parsed, parsedRow{line: line, fields: slices.Clone(rec)})
}

// checkAll checks the rows read and returns the file with its good rows
// and the errors of the bad ones, sorted by line.
func (imp *csvImport) checkAll() *csvFile {
	imp.check(imp.parsed)
	imp.parsed = nil

	sortRowErrors(imp.file.errs)
	return &imp.file
}

// sortRowErrors sorts errs by line, keeping the order of the errors of
// one line.
func sortRowErrors(errs []RowError) {
	slices.SortStableFunc(errs, func(a, b RowError) int {
		return a.Line - b.Line
	})
}

// check parses, normalizes and validates rows and records either the
// good rows or the errors, one per bad column. Rows are prepared in
// parallel, as each stands on its own; what depends on the rows before
// it (duplicates) is checked after, in order.
func (imp *csvImport) check(rows []parsedRow) {
	inParallel(len(rows), func(i int) {
		rows[i].prepare(imp.file.head)
	})

	for _, r := range rows {
		imp.duplicates(r)
		r.bad.addError(r.invalid, r.org)

		for _, column := range r.bad.columns() {
			imp.fail(r.line, column, r.bad.reason(column))
		}
		if len(r.bad) == 0 {
			imp.file.rows = append(imp.file.rows, csvRow{
				line: r.line, org: r.org, slug: r.slug, derived: r.derived,
			})
		}
	}
}

// addError records what checking o, the organization of a row,
// returned: the fields of a *ValidationError under their columns, or any
// other error as a problem of the whole row. A nil error adds nothing.
func (p csvProblems) addError(err error, o *Organization) {
	var verr *ValidationError
	switch {
	case errors.As(err, &verr):
		p.addValidation(verr, o)
	case err != nil:
		p.add("", err.Error())
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
