package store

import (
	"strconv"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// pageSQLite orders the matches after the position, one rank group after
// the other, each in one of two ways. When the group has few matches, it
// looks up the sort key of each and sorts them. When it has many,
// looking each up would cost more than walking the sort index from the
// position on and keeping the matches of the group it meets: that soon
// fills a page, and reads no organization. The query counts the matches
// of each group first and gives the way it does not take a limit of
// zero, so that it reads nothing.
//
// With text, the first group is found by a second query of the index,
// which holds the matches whose names hold every word; the second group
// starts at its beginning unless the position is in it, and reads only
// what the first left of the page.
func (p *searchPlan) pageSQLite(limit int, after *cso.PagePosition) (string, []any) {
	args := []any{p.all, p.named, limit}
	if p.services != "" {
		args = append(args, p.services)
	}
	c := newCursor(&args, after, p.named != "", sqliteMark)

	first := "matches"
	if p.named != "" {
		first = "named"
	}
	query := "WITH " + p.countSQLite(first) + ", " +
		"group0 AS MATERIALIZED (" +
		rankGroupSQLite(c, "0", first, "", "?3 + 1") + "), "
	page := "SELECT * FROM group0"
	if p.named != "" {
		query += "group1 AS MATERIALIZED (" +
			rankGroupSQLite(c, "1", "matches", "named",
				"?3 + 1 - (SELECT count(*) FROM group0)") + "), "
		page += " UNION ALL SELECT * FROM group1"
	}

	query += "page AS MATERIALIZED (" + page + ") " +
		"SELECT " + organizationColumns + ", " +
		pageColumns("?3") + ", plan.total AS search_total, " +
		detailColumns + " " +
		"FROM page CROSS JOIN organizations AS o ON o.id = page.id " +
		"CROSS JOIN plan " + detailJoin + " " +
		"ORDER BY page.search_group, page.sort_key, page.id LIMIT ?3"
	return query, args
}

// countSQLite returns the CTEs of the matches, of the first group if
// there is text, and of the plan: the number of matches and, for each
// group, whether to walk the sort index (walk0, walk1). The first group
// holds the matches of the CTE first, the second the rest. When one
// service must meet the filters, the organizations of the services that
// do (see servicesSQLite) are the matches if there is no text; with
// text, the matches of the full-text query are kept if among them.
func (p *searchPlan) countSQLite(first string) string {
	var ctes, among string
	switch {
	case p.services == "":
		ctes = "matches(id) AS MATERIALIZED (" +
			"SELECT rowid FROM organization_search " +
			"WHERE organization_search MATCH ?1), "
	case p.named == "":
		ctes = "matches(id) AS MATERIALIZED (" + servicesSQLite("?4") + "), "
	default:
		among = " AND +rowid IN services"
		ctes = "services(id) AS MATERIALIZED (" + servicesSQLite("?4") + "), " +
			"matches(id) AS MATERIALIZED (" +
			"SELECT rowid FROM organization_search " +
			"WHERE organization_search MATCH ?1" + among + "), "
	}
	if p.named != "" {
		ctes += "named(id) AS MATERIALIZED (" +
			"SELECT rowid FROM organization_search " +
			"WHERE organization_search MATCH ?2" + among + "), "
	}
	return ctes + "plan AS MATERIALIZED (SELECT total, " +
		worthWalking("first") + " AS walk0, " +
		worthWalking("total - first") + " AS walk1 " +
		"FROM (SELECT (SELECT count(*) FROM matches) AS total, " +
		"(SELECT count(*) FROM " + first + ") AS first, " +
		"(SELECT coalesce(max(id), 0) FROM organizations) AS size))"
}

// worthWalking returns the condition that walking the sort index for a
// page of a group of n matches costs less than looking each up.
func worthWalking(n string) string {
	return "(" + n + ") * (" + n + ") * " + strconv.Itoa(walkCost) +
		" > (?3 + 1) * size"
}

// rankGroupSQLite returns the query of the first matches of the group
// after the cursor, at most limit: those in the CTE members and not in
// the CTE except, if given. It walks the sort index if the plan's column
// walk of the group says so, else it looks up each member and sorts
// them; the other way has a limit of zero.
func rankGroupSQLite(c cursor, group, members, except, limit string) string {
	walk := "(SELECT iif(walk" + group + ", " + limit + ", 0) FROM plan)"
	lookup := "(SELECT iif(walk" + group + ", 0, " + limit + ") FROM plan)"

	walkConds := []string{"o.id IN " + members}
	var lookupConds []string
	if !c.first() {
		walkConds = append([]string{walkStart(c, group)}, walkConds...)
		lookupConds = append(lookupConds,
			c.comparison(group, "o.sort_key", "o.id"))
	}
	if except != "" {
		walkConds = append(walkConds, "o.id NOT IN "+except)
		lookupConds = append(lookupConds, "m.id NOT IN "+except)
	}

	columns := "SELECT " + group + " AS search_group, o.sort_key, o.id "
	return "SELECT * FROM (" + columns +
		"FROM organizations AS o INDEXED BY organizations_sort_idx" +
		whereAll(walkConds) + " ORDER BY o.sort_key, o.id LIMIT " + walk +
		") UNION ALL SELECT * FROM (" + columns +
		"FROM " + members + " AS m " +
		"CROSS JOIN organizations AS o ON o.id = m.id" +
		whereAll(lookupConds) + " ORDER BY 2, 3 LIMIT " + lookup + ")"
}

// whereAll returns the WHERE clause of all the conditions, or nothing if
// there are none.
func whereAll(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// walkStart returns the condition that the walk of the group starts
// after the cursor. Without rank groups, it starts at the cursor's sort
// key and ID. With them, it starts there if the cursor is in the group,
// at the beginning if it is in an earlier one, not at all if in a later
// one.
func walkStart(c cursor, group string) string {
	key := "(o.sort_key, o.id) > "
	if c.group == "" {
		return key + "(" + c.key + ", " + c.id + ")"
	}

	inGroup := c.group + " = " + group
	return c.group + " <= " + group + " AND " + key + "(" +
		"iif(" + inGroup + ", " + c.key + ", x''), " +
		"iif(" + inGroup + ", " + c.id + ", 0))"
}

// servicesSQLite returns the query of the IDs of the organizations with
// a service that the full-text query of the placeholder matches, in the
// index of services (see serviceSlots).
func servicesSQLite(query string) string {
	return "SELECT DISTINCT rowid / " + strconv.Itoa(serviceSlots) +
		" FROM service_search WHERE service_search MATCH " + query
}
