package store

import (
	"context"
	"log/slog"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/schema"
)

// logHook logs each statement at Debug level. It logs the statement as
// written, with placeholders where the arguments go: the arguments may
// hold personal data and are never logged.
type logHook struct {
	logger *slog.Logger
}

// BeforeQuery implements bun.QueryHook.
func (h *logHook) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}

// AfterQuery implements bun.QueryHook.
func (h *logHook) AfterQuery(ctx context.Context, e *bun.QueryEvent) {
	// Writing the statement out again costs time: not for nothing.
	if !h.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	logStatement(ctx, h.logger, statement(e), time.Since(e.StartTime), e.Err)
}

// logStatement logs a statement that ran, as text with placeholders, at
// Debug level, if there is a logger.
func logStatement(ctx context.Context, logger *slog.Logger, sql string,
	took time.Duration, err error) {

	if logger == nil || !logger.Enabled(ctx, slog.LevelDebug) {
		return
	}

	attrs := []slog.Attr{
		slog.String("sql", sql),
		slog.Duration("duration", took),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	logger.LogAttrs(ctx, slog.LevelDebug, "store: query", attrs...)
}

// statement returns the text of the statement without its arguments.
// bun puts a query builder's arguments into its text, so such a query is
// written out again by a generator that leaves placeholders instead.
func statement(e *bun.QueryEvent) string {
	if e.IQuery == nil {
		return e.QueryTemplate
	}

	b, err := e.IQuery.AppendQuery(schema.NewNopQueryGen(), nil)
	if err != nil {
		return e.Operation()
	}
	return string(b)
}
