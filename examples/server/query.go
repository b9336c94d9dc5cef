package main

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/musterekproje/musterek/cso"
)

// singleSearchParams are the parameters of a search that take one value
// each; searchParams are all of them, with status, whose list may be
// split over several.
var (
	singleSearchParams = []string{
		"q", "service_area", "target_group", "language", "page_token",
		"province", "limit",
	}
	searchParams = append(slices.Clone(singleSearchParams), "status")
)

// parseQuery reads a search from the query string. It checks that
// numbers are numbers, that each parameter but status comes once and that
// the status list has no empty entry, which are 400 faults; the directory
// validates the rest (422). When there is a fault of either kind, every
// fault is named in one answer, so that one correction suffices.
func parseQuery(params url.Values) (cso.Query, error) {
	q := cso.Query{
		Text:        params.Get("q"),
		ServiceArea: params.Get("service_area"),
		TargetGroup: params.Get("target_group"),
		Language:    params.Get("language"),
		PageToken:   params.Get("page_token"),
	}

	bad := map[string]string{}
	q.Province = intParam(params, "province", bad)
	q.Limit = intParam(params, "limit", bad)
	checkOnce(params, bad, singleSearchParams...)
	q.Statuses = statusParam(params, bad)

	// A Query cannot hold province=0, since its 0 stands for no province;
	// it is refused as the directory refuses other codes outside 1–81.
	provinceZero := q.Province == 0 && params.Get("province") != "" && bad["province"] == ""
	if len(bad) == 0 && !provinceZero {
		return q, nil
	}

	invalid := invalidParams(q, provinceZero)
	if len(bad) == 0 {
		return q, fmt.Errorf("server: search: %w", &cso.ValidationError{Fields: invalid})
	}
	for name, message := range invalid {
		if _, ok := bad[name]; !ok {
			bad[name] = message
		}
	}
	return q, paramError(bad)
}

// invalidParams returns what the directory would find invalid in q, by
// parameter, adding province=0 when provinceZero is set.
func invalidParams(q cso.Query, provinceZero bool) map[string]string {
	fields := map[string]string{}
	if provinceZero {
		fields["province"] = "unknown province plate code 0 (use 1–81)"
		q.Province = 1
	}

	q.Normalize()
	var ve *cso.ValidationError
	if errors.As(q.Validate(), &ve) {
		maps.Copy(fields, paramFields(q, ve))
	}
	return fields
}

// statusParam returns the statuses of the status parameter: a comma list,
// which may also be split over several status parameters. An empty entry
// is noted in bad, since it most likely means a status went missing.
func statusParam(params url.Values, bad map[string]string) []cso.Status {
	list := strings.Join(params["status"], ",")
	if list == "" {
		return nil
	}

	var statuses []cso.Status
	for entry := range strings.SplitSeq(list, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			bad["status"] = "has an empty entry: " +
				"list statuses separated by commas, such as active,closed"
			return nil
		}
		statuses = append(statuses, cso.Status(entry))
	}
	return statuses
}

// queryError names the status parameter when the directory finds an
// entry of it invalid: the query string has no indexes such as
// "status[1]".
func queryError(q cso.Query, err error) error {
	var ve *cso.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	return fmt.Errorf("server: search: %w", &cso.ValidationError{Fields: paramFields(q, ve)})
}

// paramFields returns the fields of ve, a validation error of q, named
// by parameter.
func paramFields(q cso.Query, ve *cso.ValidationError) map[string]string {
	fields := make(map[string]string, len(ve.Fields))
	for path, message := range ve.Fields {
		if i, ok := statusIndex(path); ok && i < len(q.Statuses) {
			path = "status"
			message = fmt.Sprintf("has the unknown status %q: use active, "+
				"inactive or closed", q.Statuses[i])
		}
		fields[path] = message
	}
	return fields
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

// statusIndex returns i when path is "status[i]".
func statusIndex(path string) (int, bool) {
	rest, ok := strings.CutPrefix(path, "status[")
	digits, closed := strings.CutSuffix(rest, "]")
	i, err := strconv.Atoi(digits)
	return i, ok && closed && err == nil && i >= 0
}
