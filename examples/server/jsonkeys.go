package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// checkKeys refuses two things that encoding/json lets through without a
// word: a key given twice in one object, of which the last would win, and
// a key that names a field in other letter case ("Confidential" for
// "confidential"), which it would match. Either could make a client
// believe it sent one value while another is stored. body is walked
// beside t, the type it is to be decoded into; a body that is not JSON is
// left for the decoder to describe, and so are keys that name no field.
func checkKeys(body []byte, t reflect.Type) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	err := walkKeys(dec, t, "", 0)
	if _, ok := err.(*apiError); ok {
		return err
	}
	return nil
}

// maxBodyDepth is how deep arrays and objects may nest in a request
// body. The deepest an organization goes is four levels; a limit keeps
// a small body of many brackets from costing much time and memory.
const maxBodyDepth = 32

// walkKeys reads one JSON value from dec, of the type t (nil when it is
// not known) at the path at, inside depth arrays and objects.
func walkKeys(dec *json.Decoder, t reflect.Type, at string, depth int) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == json.Delim('{') || tok == json.Delim('[') {
		depth++
	}
	if depth > maxBodyDepth {
		return badRequest("", fmt.Sprintf(
			"request body nests arrays and objects more than %d deep", maxBodyDepth))
	}
	if tok == nil && t != nil {
		if err := checkNull(t, at); err != nil {
			return err
		}
	}
	if t != nil {
		t = indirect(t)
		if decodesItself(t) {
			t = nil
		}
	}

	switch tok {
	case json.Delim('{'):
		return walkObject(dec, t, at, depth)
	case json.Delim('['):
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; dec.More(); i++ {
			if err := walkKeys(dec, elem, fmt.Sprintf("%s[%d]", at, i), depth); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	}
	return nil
}

// walkObject reads the members of an object whose '{' dec has read, at
// the depth of that object.
func walkObject(dec *json.Decoder, t reflect.Type, at string, depth int) error {
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		path := joinPath(at, key)
		if seen[key] {
			return badRequest(path, "is given twice")
		}
		seen[key] = true

		var elem reflect.Type
		switch {
		case t == nil:
		case t.Kind() == reflect.Map:
			elem = t.Elem()
		case t.Kind() == reflect.Struct:
			if elem = exactFieldType(t, key); elem == nil {
				if name, ok := fieldName(t, key); ok {
					return badRequest(path, fmt.Sprintf(
						"unknown field (names are case-sensitive: %q)", name))
				}
			}
		}
		if err := walkKeys(dec, elem, path, depth); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// exactFieldType returns the type of the field of the struct type t whose
// JSON name is key, letter case included, or nil.
func exactFieldType(t reflect.Type, key string) reflect.Type {
	ft, name, ok := lookupField(t, key)
	if !ok || name != key {
		return nil
	}
	return ft
}

// fieldName returns the JSON name of the field of the struct type t that
// encoding/json would decode key into, matching without regard to case.
func fieldName(t reflect.Type, key string) (string, bool) {
	_, name, ok := lookupField(t, key)
	return name, ok
}

// checkNull refuses a null at the path at where a value of type t goes
// and null cannot stand for "none": encoding/json would leave such a
// field at its zero value, so "confidential": null would quietly make an
// office public and "status": null would quietly reopen a closed
// organization. A null body is refused too. Null stays accepted where
// it means "none": pointers, lists, maps and types that decode
// themselves.
func checkNull(t reflect.Type, at string) error {
	if at == "" {
		return badRequest("", "request body must be "+describeType(indirect(t))+", not null")
	}

	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return badRequest(at, "must be "+describeType(t)+", not null: leave the field out "+
			"or give a value")
	case reflect.Struct:
		if decodesItself(t) {
			return nil
		}
		return badRequest(at, "must be an object, not null")
	}
	return nil
}
