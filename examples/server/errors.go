package main

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/musterekproje/musterek/store"
)

// apiError is a problem the server finds itself, before the directory is
// asked, carrying the answer to send.
type apiError struct {
	status  int
	code    string
	message string
	fields  map[string]string

	// retryAfter, when positive, tells the client how long to wait.
	retryAfter time.Duration

	// sentinel, when not nil, is the directory's error that this one is
	// a case of, so that errors.Is finds it.
	sentinel error
}

// Error returns the message.
func (e *apiError) Error() string { return "server: " + e.message }

// Unwrap returns the directory's error that e is a case of, if any.
func (e *apiError) Unwrap() error { return e.sentinel }

// badRequest returns a 400 error naming the field at fault when known.
func badRequest(field, message string) *apiError {
	e := &apiError{status: http.StatusBadRequest, code: "bad_request", message: message}
	if field != "" {
		e.fields = map[string]string{field: message}
	}
	return e
}

// Errors of requests that match no route.
var (
	errNoRoute = &apiError{
		status: http.StatusNotFound, code: "not_found", message: "no such resource",
	}
	errMethodNotAllowed = &apiError{
		status:  http.StatusMethodNotAllowed,
		code:    "method_not_allowed",
		message: "this resource does not support the method",
	}
)

// unauthenticated returns a 401 error with the message, which says more
// than the answer to an unknown token does. It is a case of
// cso.ErrUnauthenticated.
func unauthenticated(message string) *apiError {
	return &apiError{
		status:   http.StatusUnauthorized,
		code:     "unauthenticated",
		message:  message,
		sentinel: cso.ErrUnauthenticated,
	}
}

// errNoToken is the answer to a write without a bearer token.
var errNoToken = unauthenticated("a write needs a bearer token")

// tooManyRequests returns a 429 error with the message, asking the client
// to wait d.
func tooManyRequests(message string, d time.Duration) *apiError {
	return &apiError{
		status:     http.StatusTooManyRequests,
		code:       "rate_limited",
		message:    message,
		retryAfter: d,
	}
}

// errorTable maps the directory's sentinel errors to their answers. A
// row with a field names it as the one at fault.
var errorTable = []struct {
	target  error
	status  int
	code    string
	message string
	field   string
}{
	{cso.ErrInvalid, http.StatusUnprocessableEntity, "invalid",
		"some fields are invalid", ""},
	{cso.ErrUnauthenticated, http.StatusUnauthorized, "unauthenticated",
		"a valid bearer token is required", ""},
	{cso.ErrForbidden, http.StatusForbidden, "forbidden",
		"this token may not do that", ""},
	{cso.ErrNotFound, http.StatusNotFound, "not_found",
		"no such organization", ""},
	{cso.ErrStaleVersion, http.StatusConflict, "stale_version",
		"the organization was changed since this version; read it again", ""},
	{cso.ErrDuplicate, http.StatusConflict, "duplicate",
		"another organization already has this slug or registry ID", ""},
	{cso.ErrInvalidPageToken, http.StatusBadRequest, "invalid_page_token",
		"the page token does not belong to this search; start again",
		"page_token"},
}

// duplicateConflict is the answer to a unique field that another
// organization holds. derivedFrom, when not empty, names the field the
// server derived the taken value from, so that the caller learns they may
// give it explicitly.
func duplicateConflict(dup *cso.DuplicateError, derivedFrom string) *apiError {
	taken := "is already taken by another organization"
	field := taken
	if derivedFrom != "" {
		field += fmt.Sprintf("; it was derived from %s, so give a different "+
			"%s explicitly", derivedFrom, dup.Field)
	}

	return &apiError{
		status:  http.StatusConflict,
		code:    "duplicate",
		message: fmt.Sprintf("%s %q %s", dup.Field, dup.Value, taken),
		fields:  map[string]string{dup.Field: field},
	}
}

// errorBody is the JSON of every error answer.
type errorBody struct {
	Error errorDetail `json:"error"`
}

// errorDetail says what went wrong and, for bad input, with which fields.
type errorDetail struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// answer returns the answer that reports err. An error it does not know
// is an internal one, whose details stay in the log.
func answer(err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}

	var dup *cso.DuplicateError
	if errors.As(err, &dup) {
		return duplicateConflict(dup, "")
	}
	if errors.Is(err, store.ErrUnavailable) {
		return errUnavailable
	}

	for _, row := range errorTable {
		if !errors.Is(err, row.target) {
			continue
		}
		a := &apiError{status: row.status, code: row.code, message: row.message}
		var ve *cso.ValidationError
		switch {
		case errors.As(err, &ve):
			a.fields = ve.Fields
		case row.field != "":
			a.fields = map[string]string{row.field: row.message}
		}
		return a
	}
	return &apiError{status: http.StatusInternalServerError, code: "internal"}
}

// writeError answers r with err. Internal errors are logged with the
// request ID, which the answer names so that a report can be traced.
func (s *server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	a := answer(err)
	detail := errorDetail{a.code, a.message, a.fields}

	switch a.status {
	case http.StatusInternalServerError:
		id := requestID(r.Context())
		detail.Message = fmt.Sprintf("internal error (request %s)", id)
		s.logger.ErrorContext(r.Context(), "request failed",
			"request_id", id, "err", err)
	case http.StatusServiceUnavailable:
		// Only the driver's error is logged: what wraps it may name
		// what the request asked for.
		s.logger.ErrorContext(r.Context(), "database unavailable",
			"request_id", requestID(r.Context()), "err", unavailableCause(err))
	case http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="musterek"`)
	}
	if a.retryAfter > 0 {
		seconds := int(math.Ceil(a.retryAfter.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(seconds))
	}

	// A page cached for a credential must not reach another client.
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, a.status, errorBody{detail})
}
