package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeJSON reads r's body into v: one JSON value in UTF-8, no larger
// than the server's limit, with no field v does not have, no key in other
// letter case than its field's and no key given twice in an object. When optional is
// true an empty body leaves v as it is.
func (s *server) decodeJSON(w http.ResponseWriter, r *http.Request, v any, optional bool) error {
	if optional && r.ContentLength == 0 {
		return nil
	}
	if err := checkContentEncoding(w, r.Header.Values("Content-Encoding")); err != nil {
		return err
	}
	if err := checkContentType(r.Header.Get("Content-Type")); err != nil {
		return err
	}

	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return &apiError{
			status:  http.StatusRequestEntityTooLarge,
			code:    "too_large",
			message: fmt.Sprintf("request body is larger than %d bytes", tooLarge.Limit),
		}
	case err != nil:
		return badRequest("", "could not read the request body")
	case len(body) == 0 && optional:
		return nil
	case !utf8.Valid(body):
		return badRequest("", "request body is not valid UTF-8")
	case bytes.HasPrefix(body, []byte("\uFEFF")):
		return badRequest("", "request body starts with a byte-order mark "+
			"(U+FEFF), which JSON does not allow: send the JSON without it")
	}

	if err := checkKeys(body, reflect.TypeOf(v)); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err, body, reflect.TypeOf(v))
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("", "request body has data after the JSON value")
	}
	return nil
}

// checkNoBody refuses a body on a request that takes none, rather than
// ignoring what the client may think it changes.
func checkNoBody(r *http.Request) error {
	if r.ContentLength == 0 {
		return nil
	}
	var b [1]byte
	if n, _ := r.Body.Read(b[:]); n == 0 && r.ContentLength < 0 {
		return nil
	}
	return badRequest("", "this request takes no body")
}

// checkContentEncoding accepts bodies sent as they are, without a content
// coding such as gzip: a few kilobytes of JSON gain little from
// compression, and a small compressed body can unpack into a huge one. The
// refusal says, as RFC 7694 asks, which coding is accepted.
func checkContentEncoding(w http.ResponseWriter, headers []string) error {
	for _, h := range headers {
		for coding := range strings.SplitSeq(h, ",") {
			coding = strings.TrimSpace(coding)
			if coding == "" || strings.EqualFold(coding, "identity") {
				continue
			}
			w.Header().Set("Accept-Encoding", "identity")
			return &apiError{
				status: http.StatusUnsupportedMediaType,
				code:   "unsupported_encoding",
				message: "compressed request bodies are not accepted: " +
					"send the JSON without Content-Encoding",
			}
		}
	}
	return nil
}

// checkContentType accepts JSON in UTF-8 only.
func checkContentType(header string) error {
	mediaType, params, err := mime.ParseMediaType(header)
	charset, hasCharset := params["charset"]
	if err != nil || mediaType != "application/json" ||
		(hasCharset && !strings.EqualFold(charset, "utf-8")) {
		return &apiError{
			status:  http.StatusUnsupportedMediaType,
			code:    "unsupported_media_type",
			message: "request body must be application/json in UTF-8",
		}
	}
	return nil
}

// decodeError explains a failure to decode body into a value of type t,
// naming the field when the decoder knows it.
func decodeError(err error, body []byte, t reflect.Type) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError

	switch {
	case errors.Is(err, io.EOF):
		return badRequest("", "request body is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("", "request body ends in the middle of the JSON")
	case errors.As(err, &syntax):
		return badRequest("", fmt.Sprintf(
			"request body is not valid JSON (at byte %d)", syntax.Offset))
	case errors.As(err, &typ) && typ.Field != "":
		path := typeErrorPath(body, t, typ)
		return badRequest(path, "must be "+describeType(typ.Type))
	case errors.As(err, &typ):
		return badRequest("", "request body must be "+describeType(typ.Type))
	}

	if name, ok := unknownField(err); ok {
		return badRequest(unknownFieldPath(body, t, name), "unknown field")
	}
	return badRequest("", "request body does not have the expected shape")
}

// unknownField returns the field named by the decoder's error for a field
// the target does not have; encoding/json gives it no type of its own.
func unknownField(err error) (string, bool) {
	quoted, ok := strings.CutPrefix(err.Error(), "json: unknown field ")
	if !ok {
		return "", false
	}
	name, err := strconv.Unquote(quoted)
	return name, err == nil
}

// describeType names a Go type the way a JSON author knows it.
func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	default:
		return "an object"
	}
}
