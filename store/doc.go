// Package store keeps the directory's data in PostgreSQL or SQLite. It
// implements the Store interface of each domain package with bun, owns
// the schema and its migrations, and returns the domain packages' own
// sentinel errors (cso.ErrNotFound, cso.ErrDuplicate, …) wrapped with
// context, so callers never need to know the database. When the database
// cannot be reached or cannot take the request now, the error matches
// ErrUnavailable, whichever database it is.
//
// Open takes one DSN:
//
//	sqlite:musterek.db                          a SQLite file (pure Go, no cgo)
//	sqlite:/var/lib/musterek/data.db            an absolute path
//	postgres://user:pass@host:5432/db?sslmode=disable
//	postgresql://host/db?search_path=directory  any pgx connection URL
//
// SQLite runs in write-ahead-log mode with foreign keys on; its write
// transactions take the write lock as they begin and wait up to ten
// seconds for it. Open creates the file but not its folder, and beside
// it a file PATH-lock that processes opening the same database hold in
// turn while they check and migrate it. On
// PostgreSQL, parameters in the URL that pgx does not know, such as
// search_path, are sent to the server as settings.
//
// Open brings the schema up to date unless WithoutMigrations is given.
// Migrations are embedded SQL files, one folder per dialect; several
// processes may open a PostgreSQL database at once. They take turns to
// migrate, and to write organizations, through advisory locks of their
// schema, so directories in different schemas of one database never wait
// for each other.
//
// Searching goes through a full-text index on both databases (FTS5 on
// SQLite, a GIN index over the folded keys on PostgreSQL), fed with the
// search keys of cso.Fold, so it forgives case, missing Turkish letters
// and Arabic spelling variants without depending on the database's
// locale. Filters are facet tokens in the same index. Both databases
// also keep per-token bitmaps of organization IDs, in step with every
// write: searches without text count their matches with them instead of
// reading every match, and so do texts whose every word names a service
// area, target group or province by its label ("çocuk" names children),
// whose matches are mostly found through those facets. Results come in
// Turkish alphabetical order by cso.SortKey. A page token holds the
// position of the last result of its page, its rank group, sort key and
// ID, and the next page starts right after it, so that organizations
// added or removed meanwhile neither repeat nor skip a result.
// PostgreSQL 14 or later is needed.
//
// A short session:
//
//	db, err := store.Open(ctx, "sqlite:musterek.db")
//	if err != nil {
//		return err
//	}
//	defer db.Close()
//
//	orgs := db.Organizations()
//	res, err := orgs.Search(ctx, cso.Query{Text: "çocuk", Province: 34})
//
// Transactions: every write of a Store runs in a transaction of its own,
// and Atomically groups several. Packages built on this one use
// DB.RunInTx, which makes concurrent transactions behave as if they ran
// one after another and retries those the database cancels to keep that
// promise.
package store
