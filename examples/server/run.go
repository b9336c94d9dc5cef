package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
)

// Timeouts of the HTTP server. Bodies are small, so reading one should
// never take long; a slow client must not hold a connection for ever.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 15 * time.Second
	maxHeaderBytes    = 64 << 10
)

// run configures the server from args and the environment in getenv and
// serves until ctx is done, then shuts down gracefully. Logs go to stderr;
// stdout receives only what a command prints, such as an import report.
// When ready is not nil it is called with the listening address once the
// server accepts requests.
func run(ctx context.Context, args []string, getenv func(string) string,
	stdout, stderr io.Writer, ready func(addr string)) error {
	cfg, err := parseConfig(args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	logger := newLogger(stderr, cfg)

	if cfg.importFile != "" {
		return importCommand(ctx, cfg, logger, stdout, stderr)
	}

	// Listening first lets a bad or taken address fail before the
	// database is created, migrated or filled with the demo data.
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("server: listen on %q: %w", cfg.addr, err)
	}
	defer ln.Close()

	db, err := openDatabase(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer closeDatabase(db, logger)
	dir := cso.NewDirectory(db.Organizations())

	if !cfg.noDemo {
		if err := loadDemo(ctx, dir, logger); err != nil {
			return err
		}
	}
	if cfg.adminToken == "" {
		logger.Warn("no admin token is set: writes that need the administrator are refused")
	}

	return serve(ctx, ln, newServer(cfg, dir, db, logger), logger, ready)
}

// importCommand runs the -import command: it imports the file into the
// database and exits, serving nothing.
func importCommand(ctx context.Context, cfg config, logger *slog.Logger,
	stdout, stderr io.Writer) error {
	db, err := openDatabase(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer closeDatabase(db, logger)

	dir := cso.NewDirectory(db.Organizations())
	return importFile(ctx, dir, cfg.importFile, stdout, stderr)
}

// openDatabase opens, and migrates, the database of cfg.
func openDatabase(ctx context.Context, cfg config, logger *slog.Logger) (*store.DB, error) {
	opts := []store.Option{store.WithLogger(logger)}
	if cfg.dbConns > 0 {
		opts = append(opts, store.WithMaxOpenConns(cfg.dbConns))
	}

	db, err := store.Open(ctx, cfg.dsn, opts...)
	if err != nil {
		return nil, fmt.Errorf("server: open database: %w", err)
	}
	return db, nil
}

// closeDatabase closes db, logging a failure, which comes too late to
// change the outcome.
func closeDatabase(db *store.DB, logger *slog.Logger) {
	if err := db.Close(); err != nil {
		logger.Error("closing the database failed", "err", err)
	}
}

// serve answers HTTP requests on ln with h until ctx is done.
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger,
	ready func(addr string)) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	logger.Info("listening", "addr", ln.Addr().String())
	if ready != nil {
		ready(ln.Addr().String())
	}

	select {
	case err := <-served:
		return fmt.Errorf("server: serve: %w", err)
	case <-ctx.Done():
	}

	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("server: shut down: %w", err)
	}
	logger.Info("stopped")
	return nil
}
