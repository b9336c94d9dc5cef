package main

import (
	"bytes"
	"cmp"
	"encoding"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// The decoder of encoding/json names a field by a dotted path without
// list indexes or map keys ("offices.name") and an unknown field by its
// key alone. When it fails, the body is decoded again without a target and
// walked beside the target's type to find where the fault sits, so that
// the answer names it the way validation does: "offices[1].name.tr". The
// walk runs only for bodies already refused; when it finds nothing, the
// decoder's name stands.

// typeErrorPath returns the path in body, decoded into a value of type t,
// of the first value that fails as typ says: at its dotted path, of its
// JSON kind ("string", "number 1.5", …) and meant for its Go type. It
// returns typ.Field when there is none.
func typeErrorPath(body []byte, t reflect.Type, typ *json.UnmarshalTypeError) string {
	doc, ok := decodeAny(body)
	if !ok {
		return typ.Field
	}

	kind, literal, hasLiteral := strings.Cut(typ.Value, " ")
	wrong := func(v any, t reflect.Type) bool {
		if jsonKind(v) != kind || indirect(t) != indirect(typ.Type) {
			return false
		}
		n, _ := v.(json.Number)
		return !hasLiteral || string(n) == literal
	}
	path, ok := findValue(doc, t, strings.Split(typ.Field, "."), "", wrong)
	if !ok {
		return typ.Field
	}
	return path
}

// findValue returns the path of the first value under v, decoded into a
// value of type t, at the path segments rest below the path at, for which
// wrong, given the value and its type, is true. The decoder's path names
// neither list indexes nor map keys, so lists and maps are searched entry
// by entry; it does name embedded structs, which JSON does not.
func findValue(v any, t reflect.Type, rest []string, at string,
	wrong func(any, reflect.Type) bool) (string, bool) {
	t = indirect(t)
	if len(rest) == 0 && wrong(v, t) {
		return at, true
	}

	switch v := v.(type) {
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return "", false
		}
		for i, elem := range v {
			p, ok := findValue(elem, t.Elem(), rest, fmt.Sprintf("%s[%d]", at, i), wrong)
			if ok {
				return p, true
			}
		}
	case map[string]any:
		if t.Kind() == reflect.Map {
			for _, key := range sortedKeys(v) {
				if p, ok := findValue(v[key], t.Elem(), rest, joinPath(at, key), wrong); ok {
					return p, true
				}
			}
		}
		if t.Kind() == reflect.Struct && len(rest) > 0 {
			return findField(v, t, rest, at, wrong)
		}
	}
	return "", false
}

// findField is findValue for a JSON object decoded into a struct.
func findField(obj map[string]any, t reflect.Type, rest []string, at string,
	wrong func(any, reflect.Type) bool) (string, bool) {
	if f, ok := t.FieldByName(rest[0]); ok && f.Anonymous {
		return findValue(obj, f.Type, rest[1:], at, wrong)
	}

	ft := fieldType(t, rest[0])
	if ft == nil {
		return "", false
	}
	for _, key := range sortedKeys(obj) {
		if !strings.EqualFold(key, rest[0]) { // as the decoder matches keys
			continue
		}
		if p, ok := findValue(obj[key], ft, rest[1:], joinPath(at, rest[0]), wrong); ok {
			return p, true
		}
	}
	return "", false
}

// unknownFieldPath returns the path in body of the key name that the type
// t, the decoder's target, has no field for, or name itself when it is
// not found.
func unknownFieldPath(body []byte, t reflect.Type, name string) string {
	doc, ok := decodeAny(body)
	if !ok {
		return name
	}
	if path, ok := findUnknown(doc, t, "", name); ok {
		return path
	}
	return name
}

// findUnknown returns the path of a key name of an object under v that
// the struct it is decoded into, of a type under t, does not know.
func findUnknown(v any, t reflect.Type, at, name string) (string, bool) {
	t = indirect(t)
	if decodesItself(t) {
		return "", false
	}

	switch v := v.(type) {
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return "", false
		}
		for i, elem := range v {
			if p, ok := findUnknown(elem, t.Elem(), fmt.Sprintf("%s[%d]", at, i), name); ok {
				return p, true
			}
		}
	case map[string]any:
		return findUnknownInObject(v, t, at, name)
	}
	return "", false
}

// findUnknownInObject is findUnknown for a JSON object.
func findUnknownInObject(obj map[string]any, t reflect.Type, at, name string) (string, bool) {
	if t.Kind() != reflect.Struct && t.Kind() != reflect.Map {
		return "", false
	}

	for _, key := range sortedKeys(obj) {
		var elemType reflect.Type
		if t.Kind() == reflect.Map {
			elemType = t.Elem()
		} else if elemType = fieldType(t, key); elemType == nil {
			if key == name {
				return joinPath(at, key), true
			}
			continue
		}

		if p, ok := findUnknown(obj[key], elemType, joinPath(at, key), name); ok {
			return p, true
		}
	}
	return "", false
}

// fieldType returns the type of the field of the struct type t that the
// JSON key decodes into, or nil. Like encoding/json it matches names
// without regard to case and looks into embedded structs without a name.
func fieldType(t reflect.Type, key string) reflect.Type {
	ft, _, _ := lookupField(t, key)
	return ft
}

// lookupField returns the type and the JSON name of the field of the
// struct type t that encoding/json decodes key into, and whether there is
// one.
func lookupField(t reflect.Type, key string) (reflect.Type, string, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		switch {
		case tag == "-":
		case f.Anonymous && name == "" && indirect(f.Type).Kind() == reflect.Struct:
			if ft, n, ok := lookupField(indirect(f.Type), key); ok {
				return ft, n, true
			}
		case !f.IsExported():
		case strings.EqualFold(cmp.Or(name, f.Name), key):
			return f.Type, cmp.Or(name, f.Name), true
		}
	}
	return nil, "", false
}

// decodesItself reports whether t has its own JSON or text decoding, in
// which encoding/json looks for no unknown fields.
func decodesItself(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(reflect.TypeFor[json.Unmarshaler]()) ||
		p.Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

// indirect returns the type that t points to, through any number of
// pointers, or t.
func indirect(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// decodeAny decodes body without a target, keeping numbers as written.
func decodeAny(body []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, false
	}
	return doc, true
}

// jsonKind names the JSON kind of a decoded value as encoding/json does
// in an UnmarshalTypeError.
func jsonKind(v any) string {
	switch v.(type) {
	case bool:
		return "bool"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

// joinPath appends key to the path at.
func joinPath(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

// sortedKeys returns the keys of m in order, so that the walk always
// reports the same one of several faults.
func sortedKeys(m map[string]any) []string {
	return slices.Sorted(maps.Keys(m))
}
