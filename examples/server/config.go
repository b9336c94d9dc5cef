package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
)

// envPrefix starts the name of the environment variable of every flag:
// -max-body is also MUSTEREK_MAX_BODY.
const envPrefix = "MUSTEREK_"

// minAdminTokenLen is the shortest admin token accepted, so that a
// placeholder such as "secret" cannot guard a public server.
const minAdminTokenLen = 16

// config is the server's configuration, from flags and environment.
type config struct {
	addr       string
	dsn        string
	dbConns    int
	adminToken string
	logLevel   slog.Level
	logFormat  string
	maxBody    byteSize
	importFile string
	noDemo     bool
	writeRate  float64
	writeBurst int

	// authFailureRate and authFailureBurst bound the failed bearer tokens
	// of all clients together.
	authFailureRate  float64
	authFailureBurst int
}

// parseConfig reads the configuration from args and from the MUSTEREK_*
// environment variables that getenv returns; a flag given in args wins over
// its variable. Help and errors are written to output. It returns
// flag.ErrHelp when -h was asked for.
func parseConfig(args []string, getenv func(string) string, output io.Writer) (config, error) {
	cfg := config{maxBody: 1 << 20}
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(output)

	fs.StringVar(&cfg.addr, "addr", ":8080", "`address` to listen on, host:port")
	fs.StringVar(&cfg.dsn, "db", "sqlite:musterek.db",
		"`database`: \"sqlite:PATH\" or a \"postgres://\" URL")
	fs.IntVar(&cfg.dbConns, "db-conns", 0,
		"most database `connections` open at once; 0 keeps the default "+
			"(20 on PostgreSQL, no bound on SQLite)")
	fs.StringVar(&cfg.adminToken, "admin-token", "",
		"admin bearer `token`, at least 16 characters; prefer the environment "+
			"variable, which other users of the machine cannot list")
	fs.TextVar(&cfg.logLevel, "log-level", slog.LevelInfo,
		"log `level`: debug, info, warn or error")
	fs.StringVar(&cfg.logFormat, "log-format", "text", "log `format`: text or json")
	fs.Var(&cfg.maxBody, "max-body",
		"largest request body accepted: a `size` in bytes, KiB or MiB")
	fs.StringVar(&cfg.importFile, "import", "",
		"import the organizations of this CSV `file` as admin, print the report and exit")
	fs.BoolVar(&cfg.noDemo, "no-demo", false,
		"do not load the demo data into an empty database")
	fs.Float64Var(&cfg.writeRate, "write-rate", 2,
		"`writes` per second allowed to each token; 0 turns the limit off")
	fs.IntVar(&cfg.writeBurst, "write-burst", 20,
		"`writes` a token may make at once before -write-rate applies")
	fs.Float64Var(&cfg.authFailureRate, "auth-failure-rate", 10,
		"unknown bearer `tokens` per second allowed to all clients together, "+
			"beyond which unknown tokens get 429 for a while while known ones "+
			"keep working; 0 turns the limit off")
	fs.IntVar(&cfg.authFailureBurst, "auth-failure-burst", 50,
		"failed bearer `tokens` allowed at once before -auth-failure-rate applies")

	fs.VisitAll(func(f *flag.Flag) {
		f.Usage += " (env " + envName(f.Name) + ")"
	})
	fs.Usage = func() {
		fmt.Fprintf(output, "Usage: server [flags]\n\n"+
			"Serves the Müşterek directory API. Every flag can also be set with\n"+
			"its environment variable; a flag given on the command line wins.\n\n")
		fs.PrintDefaults()
	}

	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("server: unexpected argument %q", fs.Arg(0))
	}
	if err := applyEnv(fs, getenv); err != nil {
		return config{}, err
	}
	return cfg, cfg.check()
}

// applyEnv sets every flag not given on the command line from its
// environment variable, when that is set.
func applyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })

	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		name := envName(f.Name)
		v := getenv(name)
		if given[f.Name] || v == "" {
			return
		}
		if err := fs.Set(f.Name, v); err != nil {
			errs = append(errs, fmt.Errorf("server: %s: %w", name, err))
		}
	})
	return errors.Join(errs...)
}

// envName returns the environment variable of the flag with the name.
func envName(flagName string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// check reports the first setting that cannot work.
func (c config) check() error {
	switch {
	case c.adminToken != "" && len(c.adminToken) < minAdminTokenLen:
		return fmt.Errorf("server: admin token must be at least %d characters",
			minAdminTokenLen)
	case strings.ContainsFunc(c.adminToken, notTokenChar):
		return errors.New("server: admin token must be printable ASCII " +
			"without spaces, as a bearer token in a header is")
	case c.logFormat != "text" && c.logFormat != "json":
		return fmt.Errorf("server: log format %q is neither text nor json", c.logFormat)
	case c.dbConns < 0:
		return errors.New("server: database connections must not be negative")
	case c.maxBody <= 0:
		return errors.New("server: max body must be positive")
	case c.writeRate < 0:
		return errors.New("server: write rate must not be negative")
	case c.writeBurst < 1:
		return errors.New("server: write burst must be at least 1")
	case c.authFailureRate < 0:
		return errors.New("server: auth failure rate must not be negative")
	case c.authFailureBurst < 1:
		return errors.New("server: auth failure burst must be at least 1")
	}
	return nil
}

// notTokenChar reports whether r cannot stand in a bearer token.
func notTokenChar(r rune) bool { return r <= ' ' || r > '~' }

// byteSize is a number of bytes that a flag may give with a KiB or MiB
// suffix.
type byteSize int64

// String returns the size in MiB or KiB when it is a whole number of
// them, else in bytes.
func (b *byteSize) String() string {
	n := int64(*b)
	switch {
	case n > 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n > 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	}
	return strconv.FormatInt(n, 10)
}

// Set parses "1048576", "512KiB" or "1MiB".
func (b *byteSize) Set(s string) error {
	unit := int64(1)
	for suffix, n := range map[string]int64{"KiB": 1 << 10, "MiB": 1 << 20} {
		if rest, ok := strings.CutSuffix(s, suffix); ok {
			s, unit = rest, n
		}
	}

	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 || n > (1<<40)/unit {
		return errors.New("not a size such as 1048576, 512KiB or 1MiB")
	}
	*b = byteSize(n * unit)
	return nil
}
