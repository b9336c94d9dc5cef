// Command embed shows how a Go program uses the directory without the
// reference server: it opens a store in a temporary SQLite file, imports
// the demo data and prints the organizations offering legal counseling
// in İstanbul.
//
//	go run ./examples/embed
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/examples/demodata"
	"github.com/musterekproje/musterek/store"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run does the work of main and prints to out.
func run(ctx context.Context, out io.Writer) error {
	tmp, err := os.MkdirTemp("", "musterek-embed-")
	if err != nil {
		return fmt.Errorf("embed: %w", err)
	}
	defer os.RemoveAll(tmp)

	// One call opens the database and brings its schema up to date; a
	// "postgres://" URL works the same way.
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(tmp, "musterek.db"))
	if err != nil {
		return fmt.Errorf("embed: %w", err)
	}
	defer db.Close()

	// Every write names who is asking; importing needs the administrator.
	dir := cso.NewDirectory(db.Organizations())
	report, err := dir.Import(ctx, cso.Admin(), demodata.CSV())
	if err != nil {
		return fmt.Errorf("embed: %w", err)
	}
	fmt.Fprintf(out, "imported %d organizations\n\n", report.Created)

	// Search forgives case and missing Turkish letters: "hukuk" finds
	// "Hukuki danışmanlık" (legal counseling). Pages continue with the
	// token of the one before.
	q := cso.Query{Text: "hukuk", Province: 34}
	fmt.Fprintln(out, "legal counseling in İstanbul:")
	for {
		res, err := dir.Search(ctx, q)
		if err != nil {
			return fmt.Errorf("embed: %w", err)
		}
		for _, o := range res.Items {
			fmt.Fprintf(out, "  %s\n", o.Name.In("tr").Value)
		}

		if res.NextPageToken == "" {
			break
		}
		q.PageToken = res.NextPageToken
	}
	return nil
}
