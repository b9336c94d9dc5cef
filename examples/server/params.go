package main

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxUnknownParamsNamed is how many unknown parameters an answer names;
// it counts the rest, so that a query string of thousands of them does
// not get an answer many times its size.
const maxUnknownParamsNamed = 10

// checkQuery refuses a query string that does not parse, whose names or
// values are not UTF-8, or that names a parameter other than the known
// ones, naming the parameters at fault. Without it, url.Values would drop
// what does not parse and pass on bytes that no text can hold, and a
// misspelt filter such as provnce=34 would be ignored, giving an answer
// that looks right.
func checkQuery(raw string, known []string) error {
	params, err := url.ParseQuery(raw)
	if err != nil {
		return badRequest("", "query string is not valid: "+
			"separate parameters with & and escape bytes as %XX")
	}

	bad := map[string]string{}
	var unknown []string
	for name, values := range params {
		if !utf8.ValidString(name) {
			return badRequest("", "a query parameter name is not valid UTF-8")
		}
		if !slices.Contains(known, name) {
			unknown = append(unknown, name)
			continue
		}
		for _, v := range values {
			if !utf8.ValidString(v) {
				bad[name] = "is not valid UTF-8"
			}
		}
	}
	return unknownParamError(bad, unknown, known)
}

// unknownParamError reports the bad parameters with the first unknown
// ones in sorted order, saying how many more unknown ones there are, or
// returns nil when there is nothing to report.
func unknownParamError(bad map[string]string, unknown, known []string) error {
	slices.Sort(unknown)
	named := unknown[:min(len(unknown), maxUnknownParamsNamed)]
	for _, name := range named {
		bad[name] = unknownParam(known)
	}
	if len(named) == len(unknown) {
		return paramError(bad)
	}

	return &apiError{
		status: http.StatusBadRequest,
		code:   "bad_request",
		message: fmt.Sprintf("some parameters are not valid, and %d more "+
			"are not parameters of this request", len(unknown)-len(named)),
		fields: bad,
	}
}

// unknownParam says that a parameter is not one of the known ones.
func unknownParam(known []string) string {
	if len(known) == 0 {
		return "is not a parameter of this request, which takes none"
	}
	return "is not a parameter of this request, which takes " +
		strings.Join(known, ", ")
}

// checkOnce notes in bad each of the named parameters that is given more
// than once: which of the values would count is anyone's guess.
func checkOnce(params url.Values, bad map[string]string, names ...string) {
	for _, name := range names {
		if len(params[name]) > 1 {
			bad[name] = "must be given at most once"
		}
	}
}
