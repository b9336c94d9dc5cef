package store

import (
	"strconv"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// A facet bitmap chunk holds one bit per organization ID for chunkBits
// IDs: organization id is bit (id & chunkMask) of chunk (id >> chunkShift).
// The PostgreSQL migration that creates facet_bitmaps uses the same
// numbers.
const (
	chunkShift = 13
	chunkBits  = 1 << chunkShift
	chunkMask  = chunkBits - 1
)

// chunksSQL returns the query of the bitmap chunks of the matches, one row
// per chunk: the bits of the statuses asked for, ANDed with those of each
// filter, and, if one service must meet the filters, with those of the
// organizations that have such a service (see serviceChunks). The
// arguments from first on are the status tokens, then the facet tokens,
// then those again for the bitmaps of services; it appends them to args.
// A filter that takes any of several tokens ORs their bits first.
func (p *searchPlan) chunksSQL(args *[]any) string {
	*args = append(*args, p.statusTokens)
	var b strings.Builder
	b.WriteString("SELECT s.chunk, s.bits")
	for i := range p.facets {
		b.WriteString(" & f" + strconv.Itoa(i) + ".bits")
	}
	if p.perService {
		b.WriteString(" & sv.bits")
	}
	b.WriteString(" AS bits FROM (" + anyTokenChunks(len(*args)) + ") AS s")

	for i, tokens := range p.facets {
		alias := "f" + strconv.Itoa(i)
		if len(tokens) == 1 {
			*args = append(*args, tokens[0])
			b.WriteString(" JOIN facet_bitmaps AS " + alias + " ON " +
				alias + ".chunk = s.chunk AND " + alias + ".token = $" +
				strconv.Itoa(len(*args)))
			continue
		}

		*args = append(*args, tokens)
		b.WriteString(" JOIN (" + anyTokenChunks(len(*args)) + ") AS " +
			alias + " ON " + alias + ".chunk = s.chunk")
	}

	if p.perService {
		b.WriteString(" JOIN (" + p.serviceChunks(args) + ") AS sv " +
			"ON sv.chunk = s.chunk")
	}
	return b.String()
}

// serviceChunks returns the query of the chunks of the organizations
// with a service that meets every filter, one row per chunk: at each
// position of a service, the bits of each filter (ORed over its tokens)
// are ANDed, then the positions are ORed. It appends the tokens of each
// filter to args.
func (p *searchPlan) serviceChunks(args *[]any) string {
	var from, bits strings.Builder
	for i, tokens := range p.facets {
		alias := "v" + strconv.Itoa(i)
		*args = append(*args, tokens)
		sub := "(SELECT position, chunk, bit_or(bits) AS bits " +
			"FROM service_bitmaps WHERE token = ANY($" + strconv.Itoa(len(*args)) + ") " +
			"GROUP BY position, chunk) AS " + alias
		if i == 0 {
			from.WriteString(sub)
			bits.WriteString(alias + ".bits")
			continue
		}
		from.WriteString(" JOIN " + sub + " ON " + alias + ".position = v0.position " +
			"AND " + alias + ".chunk = v0.chunk")
		bits.WriteString(" & " + alias + ".bits")
	}
	return "SELECT v0.chunk, bit_or(" + bits.String() + ") AS bits FROM " +
		from.String() + " GROUP BY v0.chunk"
}

// servicesPostgres returns, when one service must meet the filters, the
// CTE services, followed by ", ", of the bitmap chunks of the
// organizations with such a service as an array, one element per chunk
// of IDs up to the largest, and the condition, after " AND ", that
// organization o is one of them. It appends the arguments of the CTE to
// args. Otherwise it returns nothing.
func (p *searchPlan) servicesPostgres(args *[]any) (cte, cond string) {
	if !p.perService {
		return "", ""
	}

	shift := strconv.Itoa(chunkShift)
	cte = "services AS MATERIALIZED (" +
		"SELECT array_agg(coalesce(c.bits, B'0'::bit(" + strconv.Itoa(chunkBits) + ")) ORDER BY g) AS bits " +
		"FROM generate_series(0, ((SELECT coalesce(max(id), 0) FROM organizations) >> " +
		shift + ")::integer) AS g " +
		"LEFT JOIN (" + p.serviceChunks(args) + ") AS c ON c.chunk = g), "
	cond = " AND get_bit((SELECT bits FROM services)[(o.id >> " + shift + ") + 1], " +
		"(o.id & " + strconv.Itoa(chunkMask) + ")::integer) = 1"
	return cte, cond
}

// anyTokenChunks returns the query of the chunks of the organizations
// that hold any of the tokens of the n-th argument.
func anyTokenChunks(n int) string {
	return "SELECT chunk, bit_or(bits) AS bits FROM facet_bitmaps " +
		"WHERE token = ANY($" + strconv.Itoa(n) + ") GROUP BY chunk"
}

// pageBitmaps returns the query of a page of a search without text on
// PostgreSQL. The bitmaps of the filters give the number of matches
// without reading any organization. Then, as on SQLite, the page after
// the position is found in one of two ways: when the matches are few,
// through the GIN index, reading and sorting each; when they are many,
// by walking the sort index from the position on (an index-only scan)
// and keeping the IDs whose bit is set, which soon fills a page. There is
// one group.
func (p *searchPlan) pageBitmaps(limit int, after *cso.PagePosition) (string, []any) {
	args := []any{p.all, limit, p.statuses}
	c := newCursor(&args, after, false, postgresMark)
	chunks := p.chunksSQL(&args)

	shift, mask := strconv.Itoa(chunkShift), strconv.Itoa(chunkMask)
	wanted := "get_bit((SELECT wanted FROM plan)[(o.id >> " + shift + ") + 1], " +
		"(o.id & " + mask + ")::integer) = 1 "

	// Looking the matches up, those without a service that meets the
	// filters are left out by their bits.
	among := ""
	if p.perService {
		among = "AND " + wanted
	}
	query := "WITH chunks AS MATERIALIZED (" + chunks + "), " +
		"plan AS MATERIALIZED (SELECT total, " +
		"total::float8 * total * " + strconv.Itoa(walkCost) +
		" > ($2::bigint + 1)::float8 * size AS walk, " +
		"(SELECT array_agg(coalesce(c.bits, B'0'::bit(" + strconv.Itoa(chunkBits) + ")) ORDER BY g) " +
		"FROM generate_series(0, (size >> " + shift + ")::integer) AS g " +
		"LEFT JOIN chunks AS c ON c.chunk = g) AS wanted " +
		"FROM (SELECT (SELECT coalesce(sum(bit_count(bits)), 0) FROM chunks) AS total, " +
		"(SELECT coalesce(max(id), 0) FROM organizations) AS size) AS sizes), " +
		"page AS MATERIALIZED ((SELECT o.id, 0 AS search_group, o.sort_key " +
		"FROM organizations AS o " +
		"WHERE " + postgresVector + " @@ CAST($1 AS tsquery) " +
		"AND " + c.after("", "o.sort_key", "o.id") + "o.status = ANY($3) " +
		among +
		"ORDER BY o.sort_key, o.id " +
		"LIMIT (SELECT CASE WHEN walk THEN 0 ELSE $2 + 1 END FROM plan)) " +
		"UNION ALL (SELECT o.id, 0, o.sort_key FROM organizations AS o " +
		"WHERE " + c.after("", "o.sort_key", "o.id") + wanted +
		"ORDER BY o.sort_key, o.id " +
		"LIMIT (SELECT CASE WHEN walk THEN $2 + 1 ELSE 0 END FROM plan))) " +
		"SELECT " + organizationColumns + ", " + pageColumns("$2") + ", " +
		"plan.total AS search_total, " + detailColumns + " " +
		"FROM page JOIN organizations AS o ON o.id = page.id " +
		"CROSS JOIN plan " + detailJoin + " " +
		"ORDER BY page.sort_key, page.id LIMIT $2"
	return query, args
}

// countBitmaps returns the query of the number of matches of a search
// without text on PostgreSQL.
func (p *searchPlan) countBitmaps() (string, []any) {
	var args []any
	chunks := p.chunksSQL(&args)
	return "SELECT coalesce(sum(bit_count(bits)), 0) FROM (" + chunks + ") AS chunks", args
}
