package cso

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// ValidationError lists every invalid field of a value, keyed by the field's
// JSON path (such as "offices[0].postal_code"), with a message a person can
// act on. A bad value of a Text is keyed by the path of its language, such
// as "name.en"; what concerns the language tags of a Text, by the path of
// the Text. It matches ErrInvalid.
type ValidationError struct {
	Fields map[string]string

	// subject names what was validated, such as "organization".
	subject string
}

// Error summarises the invalid fields, sorted by path.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("cso: invalid")
	if e.subject != "" {
		b.WriteString(" " + e.subject)
	}

	paths := make([]string, 0, len(e.Fields))
	for path := range e.Fields {
		paths = append(paths, path)
	}
	slices.Sort(paths)

	for i, path := range paths {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(path + ": " + e.Fields[path])
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Validate reports every invalid field of o as a *ValidationError. Call
// Normalize first: Validate checks the stored form, such as E.164 phone
// numbers and canonical language tags, and changes nothing.
func (o *Organization) Validate() error {
	return validateStruct("organization", o)
}

// validateUpdate reports what Validate reports of o, an update of an
// organization that holds the registry identifier stored, but accepts
// stored itself, which the update keeps as it is (see keepsRegistryID).
func (o *Organization) validateUpdate(stored string) error {
	if o.RegistryID == "" || o.RegistryID != stored {
		return o.Validate()
	}

	kept := *o
	kept.RegistryID = ""
	return kept.Validate()
}

// Validate reports every invalid field of q as a *ValidationError.
func (q *Query) Validate() error {
	return validateStruct("query", q)
}

// validateStruct checks v, a pointer to a struct with validate tags, and
// gathers what is wrong into a *ValidationError about subject.
func validateStruct(subject string, v any) error {
	err := structValidator().Struct(v)
	if err == nil {
		return nil
	}

	var invalid validator.ValidationErrors
	if !errors.As(err, &invalid) {
		return fmt.Errorf("%w %s: %v", ErrInvalid, subject, err)
	}

	fields := make(map[string]string, len(invalid))
	for _, fe := range invalid {
		for path, msg := range fieldMessages(fe) {
			if _, seen := fields[path]; !seen {
				fields[path] = msg
			}
		}
	}
	return &ValidationError{Fields: fields, subject: subject}
}

// fieldMessages explains a failed rule by path. A Text gets one message
// for each language whose value is bad, at the path of that language
// ("name.en", "services[1].eligibility.ar"), and one at its own path for
// what concerns its language tags; any other field gets one message.
func fieldMessages(fe validator.FieldError) map[string]string {
	path := fieldPath(fe.Namespace())
	if fe.Tag() != "text" && fe.Tag() != "line_text" {
		return map[string]string{path: message(fe)}
	}

	t := textOf(reflect.ValueOf(fe.Value()))
	problems := textProblems(t, fe.Tag() == "line_text")
	msgs := make(map[string]string, len(problems))
	for tag, problem := range problems {
		if tag == "" {
			msgs[path] = problem
		} else {
			msgs[path+"."+tag] = problem
		}
	}
	return msgs
}

// fieldPath turns a validator namespace, such as
// "Organization.offices[0].location.", into a JSON path without the
// struct's name: "offices[0].location". A rule on a whole nested struct
// ends its namespace with a dot.
func fieldPath(namespace string) string {
	if _, rest, ok := strings.Cut(namespace, "."); ok {
		namespace = rest
	}
	return strings.TrimSuffix(namespace, ".")
}

// structValidator is built once and shared: a *validator.Validate is safe
// for concurrent use once its rules are registered.
var structValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)

	for tag, fn := range fieldRules {
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic(fmt.Sprintf("cso: register rule %q: %v", tag, err))
		}
	}

	v.RegisterStructValidation(checkOffice, Office{})
	v.RegisterStructValidation(checkCoordinates, Coordinates{})
	return v
})

// jsonName names a field in validation errors as JSON does.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// mergeValidationErrors returns nil when both errors are nil, one
// *ValidationError with the fields of both when both are validation
// errors, and otherwise the first error that is not nil.
func mergeValidationErrors(first, second error) error {
	var a, b *ValidationError
	if !errors.As(first, &a) || !errors.As(second, &b) {
		if first != nil {
			return first
		}
		return second
	}

	fields := make(map[string]string, len(a.Fields)+len(b.Fields))
	maps.Copy(fields, b.Fields)
	maps.Copy(fields, a.Fields)
	return &ValidationError{Fields: fields}
}
