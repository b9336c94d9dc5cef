package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"

	"github.com/musterekproje/musterek/cso"
)

// organizationPath returns the URL path of the organization with the slug.
func organizationPath(slug string) string {
	return "/api/v1/organizations/" + url.PathEscape(slug)
}

// searchOrganizations answers GET /api/v1/organizations with one page of
// the organizations that match the query string.
func (s *server) searchOrganizations(w http.ResponseWriter, r *http.Request, _ cso.Actor) error {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		return err
	}

	res, err := s.dir.Search(r.Context(), q)
	if err != nil {
		return queryError(q, err)
	}
	if res.Items == nil {
		res.Items = []*cso.Organization{}
	}
	return writeJSON(w, http.StatusOK, res)
}

// getOrganization answers GET /api/v1/organizations/{slug}.
func (s *server) getOrganization(w http.ResponseWriter, r *http.Request, actor cso.Actor) error {
	o, err := s.dir.Get(r.Context(), actor, r.PathValue("slug"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// organizationBody is the body of a create or an update: an
// organization, whose fields that the server manages are taken as any
// JSON value and ignored, so that an edited GET answer is accepted
// whatever they hold.
type organizationBody struct {
	CreatedAt    json.RawMessage `json:"created_at"`
	UpdatedAt    json.RawMessage `json:"updated_at"`
	LastVerified json.RawMessage `json:"last_verified_at"`

	cso.Organization
}

// createOrganization answers POST /api/v1/organizations.
func (s *server) createOrganization(w http.ResponseWriter, r *http.Request, actor cso.Actor) error {
	var body organizationBody
	if err := s.decodeJSON(w, r, &body, false); err != nil {
		return err
	}
	o := body.Organization

	created, err := s.dir.Create(r.Context(), actor, &o)
	var dup *cso.DuplicateError
	if errors.As(err, &dup) && dup.Field == "slug" && o.Slug == "" {
		return duplicateConflict(dup, slugSource(&o, dup.Value))
	}
	if err != nil {
		return err
	}
	w.Header().Set("Location", organizationPath(created.Slug))
	return writeJSON(w, http.StatusCreated, created)
}

// slugSource names the field of o that the directory derived slug from.
func slugSource(o *cso.Organization, slug string) string {
	if cso.Slugify(o.ShortName) == slug {
		return "short_name"
	}
	return "name.tr"
}

// updateOrganization answers PUT /api/v1/organizations/{slug}; the body
// carries the version it was based on.
func (s *server) updateOrganization(w http.ResponseWriter, r *http.Request, actor cso.Actor) error {
	var body organizationBody
	if err := s.decodeJSON(w, r, &body, false); err != nil {
		return err
	}

	updated, err := s.dir.Update(r.Context(), actor, r.PathValue("slug"), &body.Organization)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, updated)
}

// deleteOrganization answers DELETE /api/v1/organizations/{slug}, with
// an optional ?version= that must be the stored one.
func (s *server) deleteOrganization(w http.ResponseWriter, r *http.Request, actor cso.Actor) error {
	if err := checkNoBody(r); err != nil {
		return err
	}
	params := r.URL.Query()
	bad := map[string]string{}
	version := intParam(params, "version", bad)
	checkOnce(params, bad, "version")
	if err := paramError(bad); err != nil {
		return err
	}

	err := s.dir.Delete(r.Context(), actor, r.PathValue("slug"), version)
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// verifyOrganization answers POST /api/v1/organizations/{slug}/verify:
// someone who may manage the organization confirms its record is current.
func (s *server) verifyOrganization(w http.ResponseWriter, r *http.Request, actor cso.Actor) error {
	if err := checkNoBody(r); err != nil {
		return err
	}
	o, err := s.dir.Verify(r.Context(), actor, r.PathValue("slug"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// tokenRequest is the optional body of a token request.
type tokenRequest struct {
	Label string `json:"label"`
}

// tokenResponse carries a new token, shown this once only.
type tokenResponse struct {
	Token        string `json:"token"`
	Organization string `json:"organization"`
}

// issueToken answers POST /api/v1/organizations/{slug}/tokens.
func (s *server) issueToken(w http.ResponseWriter, r *http.Request, actor cso.Actor) error {
	var req tokenRequest
	if err := s.decodeJSON(w, r, &req, true); err != nil {
		return err
	}

	slug := r.PathValue("slug")
	token, err := s.dir.IssueToken(r.Context(), actor, slug, req.Label)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusCreated, tokenResponse{token, slug})
}

// revokeResponse says how many tokens were revoked.
type revokeResponse struct {
	Revoked int `json:"revoked"`
}

// revokeTokens answers DELETE /api/v1/organizations/{slug}/tokens: every
// token of the organization stops working at once.
func (s *server) revokeTokens(w http.ResponseWriter, r *http.Request, actor cso.Actor) error {
	if err := checkNoBody(r); err != nil {
		return err
	}
	n, err := s.dir.RevokeTokens(r.Context(), actor, r.PathValue("slug"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, revokeResponse{n})
}
