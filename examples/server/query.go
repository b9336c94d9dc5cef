package main

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// parseQuery reads a search from the query string. It checks only that
// numbers are numbers; the directory validates the rest.
func parseQuery(params url.Values) (cso.Query, error) {
	q := cso.Query{
		Text:        params.Get("q"),
		ServiceArea: params.Get("service_area"),
		TargetGroup: params.Get("target_group"),
		Language:    params.Get("language"),
		PageToken:   params.Get("page_token"),
	}

	for _, s := range strings.Split(params.Get("status"), ",") {
		if s = strings.TrimSpace(s); s != "" {
			q.Statuses = append(q.Statuses, cso.Status(s))
		}
	}

	bad := map[string]string{}
	q.Province = intParam(params, "province", bad)
	q.Limit = intParam(params, "limit", bad)
	return q, paramError(bad)
}

// intParam returns the whole number in the named parameter, or 0 when it
// is absent. When it is not a number, it says so in bad.
func intParam(params url.Values, name string, bad map[string]string) int {
	s := params.Get(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		bad[name] = "must be a whole number"
	}
	return n
}

// paramError reports the bad parameters, all at once, or returns nil.
func paramError(bad map[string]string) error {
	if len(bad) == 0 {
		return nil
	}
	return &apiError{
		status:  http.StatusBadRequest,
		code:    "bad_request",
		message: "some parameters are not valid",
		fields:  bad,
	}
}
