package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofrs/flock"
)

// setUpWait bounds how long Open waits for another process to finish
// setting up the same SQLite file.
const setUpWait = 2 * time.Minute

// lockSQLiteSetUp takes the lock that processes opening the SQLite file
// at path hold while they set it up, and returns the function that
// releases it. Without it, two processes opening a new file at once would
// both switch it to write-ahead logging and both apply its first
// migrations, and one would fail. SQLite cannot serve as its own lock
// here, as the migrations run in transactions of their own, so the lock
// is a file beside the database, PATH-lock, which the system releases
// when a process ends, even one that crashed.
func lockSQLiteSetUp(ctx context.Context, path string) (unlock func(), err error) {
	ctx, cancel := context.WithTimeout(ctx, setUpWait)
	defer cancel()

	lock := flock.New(path + "-lock")
	locked, err := lock.TryLockContext(ctx, 20*time.Millisecond)
	if errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("store: another process is still setting up %s", path)
	}
	if err != nil {
		return nil, fmt.Errorf("store: lock %s for setting up: %w", path, err)
	}
	if !locked {
		return nil, fmt.Errorf("store: lock %s for setting up: not acquired", path)
	}

	return func() { _ = lock.Unlock() }, nil
}
