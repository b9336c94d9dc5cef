package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/examples/demodata"
)

// importFile imports the organizations of the CSV file at path as the
// administrator and prints the report to stdout, or every bad row to
// stderr.
func importFile(ctx context.Context, dir *cso.Directory, path string,
	stdout, stderr io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("server: import: %w", err)
	}
	defer f.Close()

	report, err := dir.Import(ctx, cso.Admin(), f)
	var bad *cso.ImportError
	if errors.As(err, &bad) {
		for _, row := range bad.Rows {
			fmt.Fprintf(stderr, "%s: %s\n", path, row)
		}
		return fmt.Errorf("server: import %s: the file has errors (listed above), "+
			"nothing was imported: %w", path, cso.ErrInvalid)
	}
	if err != nil {
		return fmt.Errorf("server: import %s: %w", path, err)
	}

	fmt.Fprintf(stdout, "created %d, updated %d, unchanged %d\n",
		report.Created, report.Updated, report.Unchanged)
	return nil
}

// loadDemo imports the demo data when the directory is empty, so that a
// new server has something to show.
func loadDemo(ctx context.Context, dir *cso.Directory, logger *slog.Logger) error {
	n, err := dir.Count(ctx)
	if err != nil {
		return fmt.Errorf("server: count organizations: %w", err)
	}
	if n > 0 {
		return nil
	}

	report, err := dir.Import(ctx, cso.Admin(), demodata.CSV())
	if err != nil {
		return fmt.Errorf("server: load demo data: %w", err)
	}
	logger.Info("loaded the demo data", "created", report.Created,
		"updated", report.Updated, "unchanged", report.Unchanged)
	return nil
}
