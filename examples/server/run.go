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

	opts := []store.Option{store.WithLogger(logger)}
	if cfg.dbConns > 0 {
		opts = append(opts, store.WithMaxOpenConns(cfg.dbConns))
	}
	db, err := store.Open(ctx, cfg.dsn, opts...)
	if err != nil {
		return fmt.Errorf("server: open database: %w", err)
	}
	defer func() {
		if err := db.Close(); err != nil {
			logger.Error("closing the database failed", "err", err)
		}
	}()
	dir := cso.NewDirectory(db.Organizations())

	if cfg.importFile != "" {
		return importFile(ctx, dir, cfg.importFile, stdout, stderr)
	}
	if !cfg.noDemo {
		if err := loadDemo(ctx, dir, logger); err != nil {
			return err
		}
	}
	if cfg.adminToken == "" {
		logger.Warn("no admin token is set: writes that need the administrator are refused")
	}

	return serve(ctx, cfg.addr, newServer(cfg, dir, db, logger), logger, ready)
}

// serve answers HTTP requests on addr with h until ctx is done.
func serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger,
	ready func(addr string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen: %w", err)
	}

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
