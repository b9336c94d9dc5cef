package cso

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// prepareNew returns a normalized, validated copy of o ready to be
// created: fields the store manages are cleared and a missing slug is
// derived from the short name or the Turkish name.
func prepareNew(o *Organization) (*Organization, error) {
	n := *o
	n.ID, n.Version, n.LastVerified = 0, 0, nil
	n.CreatedAt, n.UpdatedAt = time.Time{}, time.Time{}
	n.Normalize()

	if n.Slug == "" {
		n.Slug = DeriveSlug(&n)
	}

	if err := n.Validate(); err != nil {
		return nil, err
	}
	if n.Slug == "" {
		return nil, &ValidationError{Fields: map[string]string{
			"slug": "cannot be derived from the name: give a slug of Latin letters, digits and hyphens",
		}}
	}
	return &n, nil
}

// prepareUpdate returns a normalized, validated copy of o that replaces
// stored, keeping what an update may not change, and a registry
// identifier that o leaves as stored (see keepsRegistryID).
func prepareUpdate(stored, o *Organization) (*Organization, error) {
	n := *o
	n.Normalize()
	if strings.TrimSpace(string(o.Status)) == "" {
		// A new organization without a status is active; an update
		// without one must not quietly reopen a closed organization.
		n.Status = ""
	}
	if keepsRegistryID(stored.RegistryID, o.RegistryID) {
		n.RegistryID = stored.RegistryID
	}

	if n.Slug != "" && n.Slug != stored.Slug {
		return nil, &ValidationError{Fields: map[string]string{
			"slug": "cannot be changed once the organization exists (it is " + stored.Slug + ")",
		}}
	}

	n.ID, n.Slug = stored.ID, stored.Slug
	n.LastVerified = stored.LastVerified
	n.CreatedAt, n.UpdatedAt = stored.CreatedAt, stored.UpdatedAt

	if err := n.validateUpdate(stored.RegistryID); err != nil {
		return nil, explainMissingStatus(err, stored.Status)
	}
	return &n, nil
}

// explainMissingStatus adds to a missing status in err, the validation
// error of an update, the status that is stored.
func explainMissingStatus(err error, stored Status) error {
	var verr *ValidationError
	if !errors.As(err, &verr) || verr.Fields["status"] != "is required" {
		return err
	}
	verr.Fields["status"] = fmt.Sprintf("is required in an update: send the "+
		"status the organization has (%q) or the one it should have", stored)
	return verr
}

// DeriveSlug returns the slug an organization gets when none is given:
// from its short name if it has one, otherwise from its Turkish name.
func DeriveSlug(o *Organization) string {
	if s := Slugify(o.ShortName); s != "" {
		return s
	}
	return Slugify(o.Name["tr"])
}

// sameContent reports whether a and b hold the same editable content,
// ignoring what the store manages (IDs, times, versions, verification).
func sameContent(a, b *Organization) bool {
	ja, errA := editableJSON(a)
	jb, errB := editableJSON(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

func editableJSON(o *Organization) ([]byte, error) {
	c := *o
	c.ID, c.Version, c.LastVerified = 0, 0, nil
	c.CreatedAt, c.UpdatedAt = time.Time{}, time.Time{}
	return json.Marshal(&c)
}
