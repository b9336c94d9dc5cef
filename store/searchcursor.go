package store

import (
	"strconv"

	"github.com/musterekproje/musterek/cso"
)

// cursor is the position after which the SQL of a page finds its
// matches: the placeholders of the rank group, the sort key and the ID
// of the last match of the page before. A first page has none, and its
// SQL no condition on the position, so that it costs what it did before
// pages had positions.
type cursor struct {
	group, key, id string
}

// newCursor appends to args the rank group (if ranked), the sort key and
// the ID of after, unless after is nil, and returns the cursor of their
// placeholders, which mark writes from their numbers.
func newCursor(args *[]any, after *cso.PagePosition, ranked bool, mark func(n int) string) cursor {
	if after == nil {
		return cursor{}
	}

	var c cursor
	if ranked {
		*args = append(*args, after.Group)
		c.group = mark(len(*args))
	}

	// An empty key is still a key, and must not be sent as NULL, which
	// compares with nothing.
	key := after.SortKey
	if key == nil {
		key = []byte{}
	}
	*args = append(*args, key, after.ID)
	c.key, c.id = mark(len(*args)-1), mark(len(*args))
	return c
}

// sqliteMark writes the n-th argument of a SQLite query as +?n. A bound
// value that is compared with an indexed column, as a position is,
// would otherwise be weighed against the statistics of ANALYZE to plan
// the query, and SQLite would prepare the statement again whenever it is
// bound, which costs more than the search.
func sqliteMark(n int) string { return "+?" + strconv.Itoa(n) }

// postgresMark writes the n-th argument of a PostgreSQL query.
func postgresMark(n int) string { return "$" + strconv.Itoa(n) }

// first reports whether c is the cursor of a first page.
func (c cursor) first() bool { return c.key == "" }

// after returns the condition that the rank group (if the cursor has
// one), the sort key and the ID of a match, the columns given, come after
// the cursor, followed by " AND ", or nothing on a first page.
func (c cursor) after(group, key, id string) string {
	if c.first() {
		return ""
	}
	return c.comparison(group, key, id) + " AND "
}

// where returns the WHERE clause of after, or nothing on a first page.
func (c cursor) where(group, key, id string) string {
	if c.first() {
		return ""
	}
	return "WHERE " + c.comparison(group, key, id) + " "
}

func (c cursor) comparison(group, key, id string) string {
	if c.group == "" {
		return "(" + key + ", " + id + ") > (" + c.key + ", " + c.id + ")"
	}
	return "(" + group + ", " + key + ", " + id + ") > (" +
		c.group + ", " + c.key + ", " + c.id + ")"
}
