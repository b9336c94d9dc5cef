package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
)

// pageKeySetting names the key that signs page tokens. It is created at
// random the first time any process opens the database and shared by all
// later ones, so a token stays valid across restarts and servers.
const pageKeySetting = "page_token_key"

// loadPageKey returns the page-token key, creating it if it is missing.
func (db *DB) loadPageKey(ctx context.Context) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("store: generate page token key: %w", err)
	}

	// Two processes may start together: the first insert wins and both
	// read the winner's key.
	if _, err := db.bun.ExecContext(ctx,
		"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
		pageKeySetting, hex.EncodeToString(fresh)); err != nil {
		return nil, fmt.Errorf("store: save page token key: %w", err)
	}

	var stored string
	if err := db.bun.QueryRowContext(ctx,
		"SELECT value FROM settings WHERE key = ?", pageKeySetting,
	).Scan(&stored); err != nil {
		return nil, fmt.Errorf("store: read page token key: %w", err)
	}

	key, err := hex.DecodeString(stored)
	if err != nil || len(key) < 16 {
		return nil, errors.New("store: page token key in settings is malformed")
	}
	return key, nil
}
