package store

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// jsonColumn is a value stored as JSON text (jsonb on PostgreSQL). It
// hands bun the JSON as an ordinary string, which bun quotes as any
// other: bun v1.3.0 rewrites the JSON it writes itself, and turns a
// backslash followed by "u0000" in a text into a NUL character (on
// SQLite) or an error (on PostgreSQL).
type jsonColumn[T any] struct {
	V T
}

// Value implements driver.Valuer.
func (c jsonColumn[T]) Value() (driver.Value, error) {
	b, err := json.Marshal(c.V)
	if err != nil {
		return nil, fmt.Errorf("store: write JSON column: %w", err)
	}
	return string(b), nil
}

// Scan implements sql.Scanner.
func (c *jsonColumn[T]) Scan(src any) error {
	var zero T
	c.V = zero

	switch src := src.(type) {
	case nil:
		return nil
	case []byte:
		return c.unmarshal(src)
	case string:
		return c.unmarshal([]byte(src))
	}
	return fmt.Errorf("store: read JSON column from %T", src)
}

func (c *jsonColumn[T]) unmarshal(b []byte) error {
	if err := json.Unmarshal(b, &c.V); err != nil {
		return fmt.Errorf("store: read JSON column: %w", err)
	}
	return nil
}
