package main

import (
	"errors"
	"net/http"
	"time"

	"github.com/musterekproje/musterek/store"
)

// unavailableRetryAfter is how long a client is asked to wait when the
// database cannot be reached: about what a restart or a failover takes.
const unavailableRetryAfter = 10 * time.Second

// errUnavailable is the answer to a request that the database could not
// serve because it cannot be reached or cannot take the request now. The
// request was not at fault, and may succeed when sent again.
var errUnavailable = &apiError{
	status:     http.StatusServiceUnavailable,
	code:       "unavailable",
	message:    "the database cannot be reached; try again later",
	retryAfter: unavailableRetryAfter,
}

// unavailableCause returns what may be logged of err, which matches
// store.ErrUnavailable: the database driver's or the network's error that
// the store names as its cause, without the slugs and other request
// details that the errors wrapping it may name, or the sentinel itself
// when err names no cause.
func unavailableCause(err error) error {
	var ue *store.UnavailableError
	if errors.As(err, &ue) && ue.Cause != nil {
		return ue.Cause
	}
	return store.ErrUnavailable
}
