package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// The dialects a DB can speak, as returned by DB.Dialect.
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// sqlitePragmas configure every SQLite connection: write-ahead logging so
// readers never wait for the writer, enforced foreign keys, a generous
// wait for the write lock, a 32 MiB page cache so that a search's index
// pages stay in memory, and write transactions that take the lock when
// they begin, so two of them never deadlock while upgrading.
const sqlitePragmas = "_pragma=journal_mode(WAL)" +
	"&_pragma=foreign_keys(1)" +
	"&_pragma=busy_timeout(10000)" +
	"&_pragma=synchronous(NORMAL)" +
	"&_pragma=cache_size(-32768)" +
	"&_txlock=immediate"

// idleConns is how many connections stay open between uses. Opening one
// costs a TCP handshake on PostgreSQL and a round of pragmas on SQLite,
// so more are kept than database/sql's default of two. Bun().DB tunes
// the pool further.
const idleConns = 8

// DB is an open database holding the stores of every domain package. It
// is safe for concurrent use.
type DB struct {
	bun     *bun.DB
	dialect string
	now     func() time.Time
	pageKey []byte

	// sqlitePath is the file of a SQLite database, empty on PostgreSQL.
	sqlitePath string

	// statements keeps the prepared searches on SQLite; pgx keeps
	// PostgreSQL's itself.
	statements stmtCache

	// logger logs the searches, which bypass bun's query hook, and the
	// registry identifiers that Open keeps as stored; nil without
	// WithLogger.
	logger *slog.Logger

	// organizationWrites lets one transaction that writes organizations
	// run at a time on PostgreSQL (see organizationStore.runInTx).
	organizationWrites chan struct{}
}

// Option changes how Open sets up a DB.
type Option func(*config)

type config struct {
	logger    *slog.Logger
	migrate   bool
	now       func() time.Time
	openConns int
}

// DefaultPostgresConns is how many connections a DB opens to PostgreSQL
// at most, unless WithMaxOpenConns says otherwise. PostgreSQL refuses
// clients past its max_connections (100 by default); with a bound, a
// burst of requests waits for a free connection instead of failing.
const DefaultPostgresConns = 20

// WithMaxOpenConns bounds the connections the DB keeps open at once;
// further queries wait for one to be free. n <= 0 means no bound. By
// default PostgreSQL gets DefaultPostgresConns and SQLite no bound. On
// PostgreSQL n must be at least 2: opening holds one connection for a
// lock while the migrations run on another.
func WithMaxOpenConns(n int) Option {
	return func(c *config) { c.openConns = n }
}

// WithLogger gives the DB a logger; without one it logs nothing. Every
// SQL statement it runs, the searches and the migrations among them, is
// logged at Debug level with its duration and error, as written with
// placeholders: never with its arguments, which may hold personal data.
// When Open rewrites the stored registry identifiers in canonical form,
// each one it has to keep as stored, because another organization holds
// its canonical form or no form of it is valid, is logged at Warn level
// with the organization's slug, the identifier and the reason, so that
// someone can settle it.
func WithLogger(logger *slog.Logger) Option {
	return func(c *config) { c.logger = logger }
}

// WithoutMigrations skips bringing the schema up to date when opening,
// for a database that is migrated by other means.
func WithoutMigrations() Option {
	return func(c *config) { c.migrate = false }
}

// WithClock sets the clock for the created and updated times the store
// records; by default it is time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// Open connects to the database named by dsn, brings its schema up to
// date and returns it. The DSN is "sqlite:" followed by a file path, or a
// PostgreSQL URL starting with "postgres://" or "postgresql://".
func Open(ctx context.Context, dsn string, opts ...Option) (*DB, error) {
	cfg := config{migrate: true, now: time.Now, openConns: -1}
	for _, opt := range opts {
		opt(&cfg)
	}

	db, err := connect(dsn)
	if err != nil {
		return nil, err
	}
	db.now = cfg.now
	if cfg.openConns < 0 && db.dialect == DialectPostgres {
		cfg.openConns = DefaultPostgresConns
	}
	if cfg.openConns == 1 && db.dialect == DialectPostgres {
		_ = db.bun.Close()
		return nil, errors.New("store: PostgreSQL needs at least 2 open connections")
	}
	if cfg.openConns > 0 {
		db.bun.SetMaxOpenConns(cfg.openConns)
	}
	if cfg.logger != nil {
		db.bun = db.bun.WithQueryHook(&logHook{logger: cfg.logger})
		db.logger = cfg.logger
	}

	if err := db.setUp(ctx, cfg); err != nil {
		_ = db.bun.Close()
		return nil, markUnavailable(err)
	}
	return db, nil
}

// setUp checks the connection, migrates and loads the settings. On
// SQLite, processes that open the same file take turns doing so.
func (db *DB) setUp(ctx context.Context, cfg config) error {
	if db.sqlitePath != "" {
		unlock, err := lockSQLiteSetUp(ctx, db.sqlitePath)
		if err != nil {
			return err
		}
		defer unlock()
	}

	if err := db.Ping(ctx); err != nil {
		return err
	}

	if cfg.migrate {
		if err := db.migrate(ctx); err != nil {
			return err
		}
	}

	key, err := db.loadPageKey(ctx)
	if err != nil {
		return err
	}
	db.pageKey = key
	return nil
}

// connect opens the connection pool for dsn without using it yet.
func connect(dsn string) (*DB, error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		return connectSQLite(strings.TrimPrefix(dsn, "sqlite:"))
	case strings.HasPrefix(dsn, "postgres://"),
		strings.HasPrefix(dsn, "postgresql://"):
		return connectPostgres(dsn)
	case dsn == "":
		return nil, errors.New("store: empty DSN")
	default:
		return nil, fmt.Errorf("store: unknown DSN scheme in %q: "+
			"want sqlite:PATH, postgres:// or postgresql://", redact(dsn))
	}
}

func connectSQLite(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: sqlite DSN needs a file path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: sqlite path %q may not hold ? or #", path)
	}

	// The path is a SQLite URI; a literal % must be escaped there.
	uri := "file:" + strings.ReplaceAll(path, "%", "%25") + "?" + sqlitePragmas
	sqldb, err := sql.Open("sqlite", uri)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}

	sqldb.SetMaxIdleConns(idleConns)
	b := bun.NewDB(sqldb, sqlitedialect.New(), bun.WithDiscardUnknownColumns())
	return &DB{
		bun: b, dialect: DialectSQLite, sqlitePath: path,
		organizationWrites: make(chan struct{}, 1),
	}, nil
}

func connectPostgres(dsn string) (*DB, error) {
	pgcfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: parse postgres DSN: %w", err)
	}

	// bun sends every statement with its arguments already in place, so
	// preparing each distinct text would only cost a round trip; the
	// simple protocol sends it in one. A DSN can still choose otherwise.
	if !strings.Contains(dsn, "default_query_exec_mode=") {
		pgcfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	}

	// The only prepared statements are the searches (see scanSQL), whose
	// plans do not depend on their arguments: planning each anew, as
	// PostgreSQL does by default, costs half a millisecond a search.
	if _, ok := pgcfg.RuntimeParams["plan_cache_mode"]; !ok {
		pgcfg.RuntimeParams["plan_cache_mode"] = "force_generic_plan"
	}

	sqldb := stdlib.OpenDB(*pgcfg)
	sqldb.SetMaxIdleConns(idleConns)
	b := bun.NewDB(sqldb, pgdialect.New(), bun.WithDiscardUnknownColumns())
	return &DB{bun: b, dialect: DialectPostgres, organizationWrites: make(chan struct{}, 1)}, nil
}

// redact hides a password that a mistyped DSN may carry.
func redact(dsn string) string {
	if at := strings.LastIndexByte(dsn, '@'); at >= 0 {
		return "…" + dsn[at:]
	}
	return dsn
}

// Organizations returns the store of the cso package.
func (db *DB) Organizations() cso.Store {
	return &organizationStore{db: db, idb: db.bun}
}

// Ping checks that the database is reachable.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.bun.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", markUnavailable(err))
	}
	return nil
}

// Close closes the connections.
func (db *DB) Close() error {
	db.statements.close()
	if err := db.bun.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Bun returns the underlying bun handle, for packages that build on the
// same database.
func (db *DB) Bun() *bun.DB { return db.bun }

// Dialect returns DialectSQLite or DialectPostgres.
func (db *DB) Dialect() string { return db.dialect }

// timestamp returns the store's current time as it is stored: UTC, to
// the microsecond that both databases keep.
func (db *DB) timestamp() time.Time {
	return db.now().UTC().Truncate(time.Microsecond)
}
