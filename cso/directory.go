package cso

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Directory is the organization directory as its callers use it: every
// method that changes something takes the Actor asking and checks it,
// normalizes and validates input, and keeps the rules that no store or
// handler should have to know (immutable slugs, verification dates).
type Directory struct {
	store Store

	// now is the clock used for verification dates.
	now func() time.Time
}

// NewDirectory returns a Directory over s.
func NewDirectory(s Store) *Directory {
	return &Directory{store: s, now: time.Now}
}

// Get returns the organization with the slug. Actors who may not manage
// it see its public view, without confidential offices.
func (d *Directory) Get(ctx context.Context, actor Actor, slug string) (*Organization, error) {
	o, err := organizationBySlug(ctx, d.store, slug)
	if err != nil {
		return nil, fmt.Errorf("cso: get %q: %w", slug, err)
	}

	if !actor.CanManage(o.ID) {
		return o.PublicView(), nil
	}
	return o.FullView(), nil
}

// Search returns one page of the organizations that match q. Results are
// always public views.
func (d *Directory) Search(ctx context.Context, q Query) (*SearchResult, error) {
	q.Normalize()
	if err := q.Validate(); err != nil {
		return nil, err
	}

	// Text with no word in it (only punctuation, say) matches nothing
	// rather than everything.
	if q.Text != "" && len(Terms(q.Text)) == 0 {
		return &SearchResult{Items: []*Organization{}}, nil
	}

	res, err := d.store.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("cso: search: %w", err)
	}

	for i, o := range res.Items {
		res.Items[i] = o.PublicView()
	}
	return res, nil
}

// Count returns the number of organizations of any status.
func (d *Directory) Count(ctx context.Context) (int, error) {
	q := Query{
		Statuses: []Status{StatusActive, StatusInactive, StatusClosed},
		Limit:    1,
	}

	res, err := d.store.Search(ctx, q)
	if err != nil {
		return 0, fmt.Errorf("cso: count: %w", err)
	}
	return res.Total, nil
}

// Create adds a new organization. Only an administrator may. The slug is
// derived from the short name or the Turkish name when not given.
func (d *Directory) Create(ctx context.Context, actor Actor, o *Organization) (*Organization, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}

	body, err := editedBody(o)
	if err != nil {
		return nil, err
	}
	n, err := prepareNew(body)
	if err != nil {
		return nil, err
	}

	if err := d.store.CreateOrganization(ctx, n); err != nil {
		return nil, fmt.Errorf("cso: create %q: %w", n.Slug, err)
	}
	return n.FullView(), nil
}

// Update replaces the organization with the slug by o. The administrator
// and the organization itself may. o.Version must be the version the
// caller read; the slug, creation time and verification date are kept. An
// update that changes nothing returns the stored organization unchanged.
func (d *Directory) Update(ctx context.Context, actor Actor, slug string, o *Organization) (*Organization, error) {
	body, err := editedBody(o)
	if err != nil {
		return nil, err
	}
	stored, err := d.manageable(ctx, actor, slug)
	if err != nil {
		return nil, err
	}
	dropped := checkDroppedOffices(stored, o)
	n, err := prepareUpdate(stored, body)
	if err := mergeValidationErrors(dropped, err); err != nil {
		return nil, err
	}

	switch {
	case o.Version == 0:
		return nil, &ValidationError{Fields: map[string]string{
			"version": "is required: send the version you read",
		}}
	case o.Version < 0:
		return nil, &ValidationError{Fields: map[string]string{
			"version": "must be positive: send the version you read",
		}}
	}
	if o.Version != stored.Version {
		return nil, fmt.Errorf("cso: update %q: version %d, stored %d: %w",
			slug, o.Version, stored.Version, ErrStaleVersion)
	}
	if sameContent(stored, n) {
		return stored.FullView(), nil
	}

	if err := d.store.UpdateOrganization(ctx, n); err != nil {
		return nil, fmt.Errorf("cso: update %q: %w", slug, err)
	}
	return n.FullView(), nil
}

// Delete removes the organization with the slug. Only an administrator
// may. A version other than 0 must equal the stored one.
func (d *Directory) Delete(ctx context.Context, actor Actor, slug string, version int) error {
	if err := requireAdmin(actor); err != nil {
		return err
	}
	if !validSlug(slug) {
		return fmt.Errorf("cso: delete %q: %w", slug, ErrNotFound)
	}
	if version < 0 {
		return &ValidationError{Fields: map[string]string{
			"version": "must be positive, or 0 to delete whatever the version",
		}}
	}

	if err := d.store.DeleteOrganization(ctx, slug, version); err != nil {
		return fmt.Errorf("cso: delete %q: %w", slug, err)
	}
	return nil
}

// Verify records that the organization's data was confirmed now. The
// administrator and the organization itself may. It is the only way the
// verification date moves.
func (d *Directory) Verify(ctx context.Context, actor Actor, slug string) (*Organization, error) {
	var verified *Organization
	err := d.store.Atomically(ctx, func(ctx context.Context, tx Store) error {
		o, err := manageable(ctx, tx, actor, slug)
		if err != nil {
			return err
		}

		// Databases keep microseconds; so does the value returned.
		now := d.now().UTC().Truncate(time.Microsecond)
		o.LastVerified = &now
		if err := tx.UpdateOrganization(ctx, o); err != nil {
			return fmt.Errorf("cso: verify %q: %w", slug, err)
		}

		verified = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	return verified.FullView(), nil
}

// IssueToken creates a new token for the organization with the slug and
// returns it in plain text; only its hash is stored, so this is the one
// time it can be seen. Only an administrator may issue tokens.
func (d *Directory) IssueToken(ctx context.Context, actor Actor, slug, label string) (string, error) {
	if err := requireAdmin(actor); err != nil {
		return "", err
	}
	if problem := tokenLabelProblem(label); problem != "" {
		return "", &ValidationError{Fields: map[string]string{"label": problem}}
	}

	o, err := organizationBySlug(ctx, d.store, slug)
	if err != nil {
		return "", fmt.Errorf("cso: issue token for %q: %w", slug, err)
	}

	plain, hash, err := NewToken()
	if err != nil {
		return "", err
	}

	t := Token{OrganizationID: o.ID, Hash: hash, Label: label, CreatedAt: d.now().UTC()}
	if err := d.store.SaveToken(ctx, t); err != nil {
		return "", fmt.Errorf("cso: issue token for %q: %w", slug, err)
	}
	return plain, nil
}

// RevokeTokens removes every token of the organization with the slug, for
// a token that leaked or a person who left, and returns how many there
// were. The administrator and the organization itself may; the
// administrator then issues a new token.
func (d *Directory) RevokeTokens(ctx context.Context, actor Actor, slug string) (int, error) {
	o, err := d.manageable(ctx, actor, slug)
	if err != nil {
		return 0, err
	}

	n, err := d.store.DeleteTokens(ctx, o.ID)
	if err != nil {
		return 0, fmt.Errorf("cso: revoke tokens of %q: %w", slug, err)
	}
	return n, nil
}

// Authenticate returns the actor an organization token stands for, or
// ErrUnauthenticated for an empty or unknown token.
func (d *Directory) Authenticate(ctx context.Context, token string) (Actor, error) {
	if token == "" {
		return Actor{}, fmt.Errorf("cso: no token: %w", ErrUnauthenticated)
	}

	id, err := d.store.TokenOrganizationID(ctx, HashToken(token))
	if errors.Is(err, ErrNotFound) {
		return Actor{}, fmt.Errorf("cso: unknown token: %w", ErrUnauthenticated)
	}
	if err != nil {
		return Actor{}, fmt.Errorf("cso: authenticate: %w", err)
	}
	return OrganizationActor(id), nil
}

// manageable loads the organization with the slug if actor may manage it.
func (d *Directory) manageable(ctx context.Context, actor Actor, slug string) (*Organization, error) {
	return manageable(ctx, d.store, actor, slug)
}

func manageable(ctx context.Context, s Store, actor Actor, slug string) (*Organization, error) {
	if actor.IsPublic() {
		return nil, fmt.Errorf("cso: change %q: %w", slug, ErrUnauthenticated)
	}

	o, err := organizationBySlug(ctx, s, slug)
	if err != nil {
		return nil, fmt.Errorf("cso: change %q: %w", slug, err)
	}

	if !actor.CanManage(o.ID) {
		return nil, fmt.Errorf("cso: change %q as %s: %w", slug, actor, ErrForbidden)
	}
	return o, nil
}

// requireAdmin refuses every actor but the administrator.
func requireAdmin(actor Actor) error {
	switch {
	case actor.IsAdmin():
		return nil
	case actor.IsPublic():
		return fmt.Errorf("cso: administrator token required: %w", ErrUnauthenticated)
	default:
		return fmt.Errorf("cso: only an administrator may do this, not %s: %w", actor, ErrForbidden)
	}
}

// organizationBySlug loads the organization with the slug; a string that
// cannot be a slug is not looked up at all.
func organizationBySlug(ctx context.Context, s Store, slug string) (*Organization, error) {
	if !validSlug(slug) {
		return nil, fmt.Errorf("cso: organization %q: %w", slug, ErrNotFound)
	}
	return s.Organization(ctx, slug)
}

// maxTokenLabel is the longest token label, in characters.
const maxTokenLabel = 100

// tokenLabelProblem describes what is wrong with a token label, or
// returns "".
func tokenLabelProblem(label string) string {
	if utf8.RuneCountInString(label) > maxTokenLabel {
		return fmt.Sprintf("must be at most %d characters", maxTokenLabel)
	}
	return plainProblem(label, false)
}
