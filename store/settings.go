package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
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

// storedVersion returns the version that the setting key holds, or
// absent when the database has none.
func (db *DB) storedVersion(ctx context.Context, key string, absent int) (int, error) {
	var value string
	err := db.bun.QueryRowContext(ctx,
		"SELECT value FROM settings WHERE key = ?", key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return absent, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: read %s: %w", key, err)
	}

	version, err := strconv.Atoi(value)
	if err != nil {
		return 0, fmt.Errorf("store: %s %q in settings is malformed", key, value)
	}
	return version, nil
}

// saveVersion records version in the setting key.
func (db *DB) saveVersion(ctx context.Context, key string, version int) error {
	if _, err := db.bun.ExecContext(ctx,
		"INSERT INTO settings (key, value) VALUES (?, ?) "+
			"ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key, strconv.Itoa(version)); err != nil {
		return fmt.Errorf("store: save %s: %w", key, err)
	}
	return nil
}
