package cso

import "context"

// Store is what the directory needs persisted. The store package
// implements it for PostgreSQL and SQLite; store/storetest checks any
// implementation against the same contract.
//
// A Store trusts its caller: it checks versions and uniqueness but not who
// is asking. A [Directory] does that before it calls the Store.
type Store interface {
	// Organization returns the organization with the slug, with all its
	// offices, confidential ones included, or ErrNotFound.
	Organization(ctx context.Context, slug string) (*Organization, error)

	// OrganizationByRegistryID returns the organization holding the
	// registry identifier, or ErrNotFound.
	OrganizationByRegistryID(ctx context.Context, registryID string) (*Organization, error)

	// OrganizationByID returns the organization with the store ID, or
	// ErrNotFound.
	OrganizationByID(ctx context.Context, id int64) (*Organization, error)

	// Search returns the organizations that match q, in the order the
	// Query documents, without confidential offices. A page token it did
	// not issue for the same query yields ErrInvalidPageToken.
	Search(ctx context.Context, q Query) (*SearchResult, error)

	// CreateOrganization stores a new organization and sets its ID,
	// Version (1), CreatedAt and UpdatedAt. A taken slug or registry
	// identifier yields a *DuplicateError, which matches ErrDuplicate.
	CreateOrganization(ctx context.Context, o *Organization) error

	// UpdateOrganization replaces the stored organization with the same
	// ID if its version equals o.Version, then increments o.Version and
	// sets UpdatedAt. A different stored version yields ErrStaleVersion,
	// a missing one ErrNotFound, a taken registry identifier a
	// *DuplicateError.
	UpdateOrganization(ctx context.Context, o *Organization) error

	// DeleteOrganization removes the organization, its offices, services
	// and tokens. A version other than 0 must match the stored one.
	DeleteOrganization(ctx context.Context, slug string, version int) error

	// SaveToken stores an organization token by its hash.
	SaveToken(ctx context.Context, t Token) error

	// DeleteTokens removes every token of the organization with the ID
	// and returns how many there were.
	DeleteTokens(ctx context.Context, organizationID int64) (int, error)

	// TokenOrganizationID returns the organization that owns the token
	// with the hash, or ErrNotFound.
	TokenOrganizationID(ctx context.Context, hash string) (int64, error)

	// Atomically runs fn inside one transaction: every change fn makes
	// through the Store it is given is kept together or not at all. The
	// store may run fn more than once if the database asks to retry, so
	// fn must not have other side effects.
	Atomically(ctx context.Context, fn func(ctx context.Context, tx Store) error) error
}

// BulkCreator is a Store that can create many organizations at once,
// which Directory.Import uses when the Store it is given offers it.
type BulkCreator interface {
	// CreateOrganizations creates all of orgs or none of them, with the
	// same effects as CreateOrganization for each: it sets their IDs,
	// versions and times. A slug or registry identifier that is taken,
	// or given twice, yields a *DuplicateError naming it.
	CreateOrganizations(ctx context.Context, orgs []*Organization) error
}

// KeyFinder is a Store that can find at once the organizations holding
// any of many slugs and registry identifiers, which Directory.Import
// uses when the Store it is given offers it.
type KeyFinder interface {
	// OrganizationsByKeys returns the stored organizations that hold one
	// of the slugs or one of the registry identifiers, as Organization
	// returns them, in no particular order and each once.
	OrganizationsByKeys(ctx context.Context, slugs, registryIDs []string) ([]*Organization, error)
}
