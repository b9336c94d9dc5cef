package cso

import (
	"errors"
	"fmt"
)

// Sentinel errors returned by a [Store] and by [Directory] methods, wrapped
// with context. Match them with errors.Is.
var (
	// ErrNotFound means the organization, or the token, does not exist.
	ErrNotFound = errors.New("cso: not found")

	// ErrStaleVersion means the record was changed by someone else since
	// the caller read it: the version sent is not the stored one.
	ErrStaleVersion = errors.New("cso: stale version")

	// ErrDuplicate means another organization already holds the slug or
	// the registry identifier.
	ErrDuplicate = errors.New("cso: duplicate")

	// ErrInvalid is matched by every *ValidationError.
	ErrInvalid = errors.New("cso: invalid")

	// ErrUnauthenticated means no valid credential was presented for a
	// write.
	ErrUnauthenticated = errors.New("cso: unauthenticated")

	// ErrForbidden means the actor is known but may not do this, for
	// example an organization token used on another organization.
	ErrForbidden = errors.New("cso: forbidden")

	// ErrInvalidPageToken means a page token was not issued by this
	// directory for the same query, or was altered.
	ErrInvalidPageToken = errors.New("cso: invalid page token")
)

// DuplicateError says which unique field of an organization another
// organization already holds. It matches ErrDuplicate.
type DuplicateError struct {
	// Field is the JSON name of the field: "slug" or "registry_id".
	Field string

	// Value is the value that is taken.
	Value string
}

// Error names the field and the value.
func (e *DuplicateError) Error() string {
	return fmt.Sprintf("cso: %s %q is already taken by another organization",
		e.Field, e.Value)
}

// Is makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateError) Is(target error) bool { return target == ErrDuplicate }
