package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store/storetest"
	"github.com/stretchr/testify/require"
)

// BenchmarkSearch measures Search on generated directories of two sizes,
// next to the single statement of the search plan (see searchPlan.page),
// with the same arguments, sent straight through database/sql as a
// statement prepared once. Where Search takes that statement, the ratio
// store/raw is the cost of the store itself: preparing the statement for
// each search (on SQLite; pgx keeps PostgreSQL's prepared) and turning
// the rows, with their offices and services as JSON, into organizations.
// Where it finds the matches in the facet bitmaps instead (see
// searchBySets: a text whose every word names facets, and, on SQLite, no
// text), the raw statement is the way it would take without them. Of
// the text cases, "cocuk" is broad, since it names service areas and
// target groups as well, and "umut" selective, a word of names alone.
// The cases of a third page fetch it with the token of the second.
//
// Run with, for example:
//
//	go test ./store -run '^$' -bench Search -benchtime 2s
func BenchmarkSearch(b *testing.B) {
	queries := []struct {
		name string
		q    cso.Query
		page int
	}{
		{"text+province", cso.Query{Text: "cocuk", Province: 34}, 1},
		{"name+province", cso.Query{Text: "umut", Province: 34}, 1},
		{"province+area", cso.Query{Province: 34, ServiceArea: "legal_counseling"}, 1},
		{"text+province/page3", cso.Query{Text: "cocuk", Province: 34}, 3},
		{"province+area/page3", cso.Query{Province: 34, ServiceArea: "legal_counseling"}, 3},
	}

	for _, dialect := range storetest.Dialects(b) {
		b.Run(dialect, func(b *testing.B) {
			for _, size := range []int{10_000, 100_000} {
				b.Run(strconv.Itoa(size), func(b *testing.B) {
					db := benchDB(b, dialect, size)
					for _, tt := range queries {
						b.Run(tt.name, func(b *testing.B) {
							benchmarkQuery(b, db, pageQuery(b, db, tt.q, tt.page))
						})
					}
				})
			}
		})
	}
}

// pageQuery returns q with the token of its page with the number,
// counting from 1, found by following the tokens of the pages before it.
func pageQuery(b *testing.B, db *DB, q cso.Query, page int) cso.Query {
	for range page - 1 {
		res, err := db.Organizations().Search(context.Background(), q)
		require.NoError(b, err)
		require.NotEmpty(b, res.NextPageToken)
		q.PageToken = res.NextPageToken
	}
	return q
}

func benchmarkQuery(b *testing.B, db *DB, q cso.Query) {
	ctx := context.Background()
	orgs := db.Organizations()

	res, err := orgs.Search(ctx, q)
	require.NoError(b, err)
	require.NotEmpty(b, res.Items)
	total := res.Total

	b.Run("store", func(b *testing.B) {
		for b.Loop() {
			if _, err := orgs.Search(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(total), "matches")
	})

	b.Run("raw", func(b *testing.B) {
		var after *cso.PagePosition
		if q.PageToken != "" {
			pos, err := cso.DecodePageToken(db.pageKey, q, q.PageToken)
			require.NoError(b, err)
			after = &pos
		}
		query, args := newSearchPlan(db.dialect, q).page(cso.DefaultLimit, after)
		stmt, err := db.bun.DB.PrepareContext(ctx, query)
		require.NoError(b, err)
		defer stmt.Close()

		for b.Loop() {
			if err := readAll(ctx, stmt, args); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(total), "matches")
	})
}

// readAll runs stmt and reads every column of every row.
func readAll(ctx context.Context, stmt *sql.Stmt, args []any) error {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()

	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	for i := range vals {
		vals[i] = new(sql.RawBytes)
	}
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// benchDBs holds the generated databases of this run, by dialect and
// size, so that each is built once however many benchmarks use it.
var benchDBs struct {
	sync.Mutex
	m       map[string]*benchEntry
	cleanup []func()
}

type benchEntry struct {
	once sync.Once
	db   *DB
	err  error
}

// benchDB returns the generated database of the dialect and size,
// building it on first use. The databases live until the test binary
// ends (see TestMain).
func benchDB(b *testing.B, dialect string, size int) *DB {
	b.Helper()
	key := fmt.Sprintf("%s/%d", dialect, size)

	benchDBs.Lock()
	if benchDBs.m == nil {
		benchDBs.m = make(map[string]*benchEntry)
	}
	e, ok := benchDBs.m[key]
	if !ok {
		e = new(benchEntry)
		benchDBs.m[key] = e
	}
	benchDBs.Unlock()

	e.once.Do(func() {
		e.db, e.err = buildBenchDB(dialect, size)
	})
	require.NoError(b, e.err)
	return e.db
}

func buildBenchDB(dialect string, size int) (*DB, error) {
	ctx := context.Background()
	dsn, drop, err := benchDSN(dialect, size)
	if err != nil {
		return nil, err
	}
	addBenchCleanup(drop)

	db, err := Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	addBenchCleanup(func() { _ = db.Close() })
	return db, fillBench(ctx, db, size)
}

// benchDSN makes an empty database for a generated directory and returns
// a function that removes it.
func benchDSN(dialect string, size int) (dsn string, drop func(), err error) {
	if dialect == DialectSQLite {
		dir, err := os.MkdirTemp("", "musterek-bench")
		if err != nil {
			return "", nil, err
		}
		dsn := "sqlite:" + filepath.Join(dir, fmt.Sprintf("bench-%d.db", size))
		return dsn, func() { _ = os.RemoveAll(dir) }, nil
	}

	schema := fmt.Sprintf("bench_%d_%d", size, os.Getpid())
	dsn, dropSchema, err := storetest.NewSchema(os.Getenv(storetest.PostgresEnv), schema)
	if err != nil {
		return "", nil, err
	}
	return dsn, func() { _ = dropSchema() }, nil
}

func addBenchCleanup(fn func()) {
	benchDBs.Lock()
	defer benchDBs.Unlock()
	benchDBs.cleanup = append(benchDBs.cleanup, fn)
}

// closeBenchDBs closes and removes the generated databases, the last
// made first.
func closeBenchDBs() {
	benchDBs.Lock()
	defer benchDBs.Unlock()
	for i := len(benchDBs.cleanup) - 1; i >= 0; i-- {
		benchDBs.cleanup[i]()
	}
	benchDBs.cleanup = nil
}
