package cso

import (
	"context"
	"fmt"
	"sync"
)

// importFeed passes the organizations of a file, checked a chunk at a
// time, from the goroutine that reads the file to the transaction that
// saves them. It keeps every chunk, so that a transaction the store runs
// again reads the same chunks from the start.
type importFeed struct {
	mu      sync.Mutex
	chunks  []importChunk
	done    bool
	err     error
	changed chan struct{} // closed when a chunk is added or the file ends
}

func newImportFeed() *importFeed {
	return &importFeed{changed: make(chan struct{})}
}

// importChunk is a chunk of checked organizations, each with the slug it
// is matched by.
type importChunk struct {
	orgs  []*Organization
	slugs []string
}

// add appends a chunk of checked organizations.
func (f *importFeed) add(orgs []*Organization, slugs []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.chunks = append(f.chunks, importChunk{orgs, slugs})
	close(f.changed)
	f.changed = make(chan struct{})
}

// finish records that the file ended, with the error that reading it
// returned.
func (f *importFeed) finish(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.done, f.err = true, err
	close(f.changed)
}

// chunk returns the i-th chunk, waiting for it if need be, or reports
// false when the file ended with fewer chunks. Once the file turned out
// bad, it returns the error instead, whatever chunks there are.
func (f *importFeed) chunk(ctx context.Context, i int) (importChunk, bool, error) {
	for {
		f.mu.Lock()
		chunks, done, err, changed := f.chunks, f.done, f.err, f.changed
		f.mu.Unlock()

		switch {
		case err != nil:
			return importChunk{}, false, err
		case i < len(chunks):
			return chunks[i], true, nil
		case done:
			return importChunk{}, false, nil
		}

		select {
		case <-changed:
		case <-ctx.Done():
			return importChunk{}, false, fmt.Errorf("cso: import: %w", ctx.Err())
		}
	}
}
