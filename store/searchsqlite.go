package store

import (
	"strconv"

	"github.com/musterekproje/musterek/cso"
)

// pageSQLite orders the matches after the position in one of two ways.
// When they are few, it looks up the sort key and the name of each and
// sorts them. When they are many, looking each up would cost more than
// walking the sort index from the position on and keeping the matches it
// meets: that soon fills a page, and reads no organization. The query
// counts the matches first and gives the way it does not take a limit of
// zero, so that it reads nothing.
//
// Walking, the first group is found by a second query of the index,
// which holds the matches whose names hold every word; the walk of the
// second group starts at its beginning unless the position is in it, and
// reads only what the first left of the page.
func (p *searchPlan) pageSQLite(limit int, after *cso.PagePosition) (string, []any) {
	args := []any{p.all, p.named, limit}
	if p.services != "" {
		args = append(args, p.services)
	}
	group := p.group(&args, func(n int) string {
		return "instr(' ' || o.name_key, ?" + strconv.Itoa(n) + ") > 0"
	})
	c := newCursor(&args, after, p.named != "", sqliteMark)

	query := "WITH " + p.countSQLite() + ", " + p.walksSQLite(c) +
		"page AS MATERIALIZED (" + lookupSQLite(group, c) +
		" UNION ALL SELECT * FROM walk0"
	if p.named != "" {
		query += " UNION ALL SELECT * FROM walk1"
	}

	query += ") SELECT " + organizationColumns + ", " +
		pageColumns("?3") + ", plan.total AS search_total, " +
		detailColumns + " " +
		"FROM page CROSS JOIN organizations AS o ON o.id = page.id " +
		"CROSS JOIN plan " + detailJoin + " " +
		"ORDER BY page.search_group, page.sort_key, page.id LIMIT ?3"
	return query, args
}

// countSQLite returns the CTEs of the matches, of the first group if
// there is text, and of the plan: the number of matches and whether to
// walk the sort index. When one service must meet the filters, the
// organizations of the services that do (see servicesSQLite) are the
// matches if there is no text; with text, the matches of the full-text
// query are kept if among them.
func (p *searchPlan) countSQLite() string {
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
		"total * total * " + strconv.Itoa(walkCost) +
		" > (?3 + 1) * size AS walk " +
		"FROM (SELECT (SELECT count(*) FROM matches) AS total, " +
		"(SELECT coalesce(max(id), 0) FROM organizations) AS size))"
}

// lookupSQLite returns the query that looks up each match and sorts
// those after the cursor, unless the plan walks.
func lookupSQLite(group string, c cursor) string {
	return "SELECT * FROM (SELECT * FROM (SELECT " +
		group + " AS search_group, o.sort_key, o.id " +
		"FROM matches AS m CROSS JOIN organizations AS o ON o.id = m.id) " +
		c.where("search_group", "sort_key", "id") +
		"ORDER BY 1, 2, 3 LIMIT (SELECT iif(walk, 0, ?3 + 1) FROM plan))"
}

// walksSQLite returns the CTEs that walk the sort index when the plan
// says so: walk0 for the first group, or every match without text, and
// walk1 for the second, which takes what is left of the page.
func (p *searchPlan) walksSQLite(c cursor) string {
	if p.named == "" {
		return "walk0 AS MATERIALIZED (" + walkSQLite("0",
			c.after("", "o.sort_key", "o.id")+"o.id IN matches",
			"(SELECT iif(walk, ?3 + 1, 0) FROM plan)") + "), "
	}

	return "walk0 AS MATERIALIZED (" + walkSQLite("0",
		walkStart(c, "0")+"o.id IN named",
		"(SELECT iif(walk, ?3 + 1, 0) FROM plan)") + "), " +
		"walk1 AS MATERIALIZED (" + walkSQLite("1",
		walkStart(c, "1")+"o.id IN matches AND o.id NOT IN named",
		"(SELECT iif(walk, ?3 + 1 - (SELECT count(*) FROM walk0), 0) "+
			"FROM plan)") + "), "
}

// walkStart returns the condition, followed by " AND ", that the walk of
// the group starts after the cursor: at the cursor's sort key and ID if
// it is in the group, at the beginning if it is in an earlier one, not at
// all if in a later one. A first page has none.
func walkStart(c cursor, group string) string {
	if c.first() {
		return ""
	}
	inGroup := c.group + " = " + group
	return c.group + " <= " + group + " AND (o.sort_key, o.id) > (" +
		"iif(" + inGroup + ", " + c.key + ", x''), " +
		"iif(" + inGroup + ", " + c.id + ", 0)) AND "
}

// walkSQLite returns the query that walks the sort index for the
// organizations of the group, those that satisfy cond.
func walkSQLite(group, cond, limit string) string {
	return "SELECT " + group + " AS search_group, o.sort_key, o.id " +
		"FROM organizations AS o INDEXED BY organizations_sort_idx " +
		"WHERE " + cond + " ORDER BY o.sort_key, o.id LIMIT " + limit
}

// servicesSQLite returns the query of the IDs of the organizations with
// a service that the full-text query of the placeholder matches, in the
// index of services (see serviceSlots).
func servicesSQLite(query string) string {
	return "SELECT DISTINCT rowid / " + strconv.Itoa(serviceSlots) +
		" FROM service_search WHERE service_search MATCH " + query
}
