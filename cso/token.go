package cso

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// tokenPrefix marks the directory's tokens so that a leaked one is easy to
// recognise in a scan.
const tokenPrefix = "mst_"

// Token is an organization's credential as stored: only its hash is kept,
// so the plain token is shown once, when it is issued.
type Token struct {
	OrganizationID int64
	Hash           string
	Label          string
	CreatedAt      time.Time
}

// NewToken returns a fresh random token and its hash.
func NewToken() (plain, hash string, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", fmt.Errorf("cso: generate token: %w", err)
	}

	plain = tokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	return plain, HashToken(plain), nil
}

// HashToken returns the hash under which a token is stored. A token has
// 256 random bits, so a plain SHA-256 is enough to keep it unguessable.
func HashToken(plain string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(plain)))
	return hex.EncodeToString(sum[:])
}
