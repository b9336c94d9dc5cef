package cso

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"golang.org/x/text/language"
)

// emptyEntryMessage is what a person reads about an empty entry of a
// list: Normalize drops empty entries, except from a list that has other
// invalid ones, so that errors name each entry where the caller put it.
const emptyEntryMessage = "is empty: fill it in or remove it"

var (
	slugPattern       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	postalCodePattern = regexp.MustCompile(`^\d{5}$`)
)

// fieldRules are the validate tags the directory adds to the validator's
// own, by name.
var fieldRules = map[string]validator.Func{
	"slug": func(fl validator.FieldLevel) bool {
		return validSlug(fl.Field().String())
	},
	"text": func(fl validator.FieldLevel) bool {
		return textProblem(textOf(fl.Field()), false) == ""
	},
	"line_text": func(fl validator.FieldLevel) bool {
		return textProblem(textOf(fl.Field()), true) == ""
	},
	"plain": func(fl validator.FieldLevel) bool {
		return plainProblem(fl.Field().String(), false) == ""
	},
	"search_words": func(fl validator.FieldLevel) bool {
		return len(distinctWords(fl.Field().String(), maxTerms+1)) <= maxTerms
	},
	"line": func(fl validator.FieldLevel) bool {
		return shownProblem(fl.Field().String(), false) == ""
	},
	"text_tr": func(fl validator.FieldLevel) bool {
		return hasTurkish(textOf(fl.Field()))
	},
	"http_url": func(fl validator.FieldLevel) bool {
		return urlProblem(fl.Field().String()) == ""
	},
	"e164": func(fl validator.FieldLevel) bool {
		return validE164(fl.Field().String())
	},
	"registry_id": func(fl validator.FieldLevel) bool {
		return ValidRegistryID(fl.Field().String())
	},
	"province": func(fl validator.FieldLevel) bool {
		_, ok := ProvinceByCode(int(fl.Field().Int()))
		return ok
	},
	"postal_code": func(fl validator.FieldLevel) bool {
		return postalCodePattern.MatchString(fl.Field().String())
	},
	"language_tag": func(fl validator.FieldLevel) bool {
		return validLanguageTag(fl.Field().String())
	},
	"service_area": func(fl validator.FieldLevel) bool {
		return knownServiceArea(fl.Field().String())
	},
	"target_group": func(fl validator.FieldLevel) bool {
		return knownTargetGroup(fl.Field().String())
	},
}

// checkOffice checks that an office's postal code belongs to its
// province: Turkish postal codes start with the province's plate code.
// A malformed postal code or an unknown province is reported by the
// field rules instead.
func checkOffice(sl validator.StructLevel) {
	off := sl.Current().Interface().(Office)
	if !postalCodePattern.MatchString(off.PostalCode) {
		return
	}
	if _, ok := ProvinceByCode(off.Province); !ok {
		return
	}

	plate := fmt.Sprintf("%02d", off.Province)
	if !strings.HasPrefix(off.PostalCode, plate) {
		sl.ReportError(off.PostalCode, "postal_code", "PostalCode",
			"postal_province", plate)
	}
}

// checkCoordinates checks that a point lies in Turkey. A latitude or
// longitude of zero, which is nowhere near Turkey, is what JSON leaves
// when it is missing, and is reported as required. Coordinates out of
// range are reported by the latitude and longitude rules instead.
func checkCoordinates(sl validator.StructLevel) {
	c := sl.Current().Interface().(Coordinates)
	if c.Lat == 0 || c.Lon == 0 {
		reportMissingDegrees(sl, c)
		return
	}
	if !(c.Lat >= -90 && c.Lat <= 90 && c.Lon >= -180 && c.Lon <= 180) {
		return
	}

	if !c.InTurkey() {
		// An empty field name reports on the coordinates as a whole.
		sl.ReportError(c, "", "", "in_turkey", "")
	}
}

// reportMissingDegrees reports the latitude or longitude of c that is
// zero, or both.
func reportMissingDegrees(sl validator.StructLevel, c Coordinates) {
	if c.Lat == 0 {
		sl.ReportError(c.Lat, "lat", "Lat", "required", "")
	}
	if c.Lon == 0 {
		sl.ReportError(c.Lon, "lon", "Lon", "required", "")
	}
}

// message explains a failed rule in words a person can act on.
func message(fe validator.FieldError) string {
	value := fmt.Sprint(fe.Value())
	switch fe.Tag() {
	case "required":
		return "is required"
	case "min":
		return sizeMessage("least", fe)
	case "max":
		return sizeMessage("most", fe)
	case "oneof":
		return "must be one of: " + strings.Join(strings.Fields(fe.Param()), ", ")
	case "email":
		return "must be an e-mail address"
	case "latitude":
		return "must be a latitude between -90 and 90"
	case "longitude":
		return "must be a longitude between -180 and 180"
	case "in_turkey":
		return "must be inside Turkey"
	case "slug":
		return "must be lower-case letters and digits in words joined by " +
			"single hyphens, at most 80 characters"
	case "text", "line_text":
		return textProblem(textOf(reflect.ValueOf(fe.Value())),
			fe.Tag() == "line_text")
	case "text_tr":
		return "must have a Turkish (tr) value"
	case "plain":
		return plainProblem(value, false)
	case "search_words":
		return fmt.Sprintf("has more than %d different words: keep the %d "+
			"that say most, every one of which must match", maxTerms, maxTerms)
	case "line":
		return shownProblem(value, false)
	case "http_url":
		return urlProblem(value)
	case "e164":
		return phoneProblem(value)
	case "registry_id":
		return registryProblem(value)
	case "province":
		return fmt.Sprintf("unknown province plate code %s (use 1–81)", value)
	case "postal_code":
		return "must be a five-digit postal code"
	case "postal_province":
		return fmt.Sprintf("must start with %s, the plate code of %s",
			fe.Param(), provinceName(fe.Param()))
	}
	return codeMessage(fe.Tag(), value)
}

// codeMessage explains why value is not a code of the kind the rule
// names: a language tag, a service area or a target group.
func codeMessage(tag, value string) string {
	if value == "" {
		return emptyEntryMessage
	}

	switch tag {
	case "language_tag":
		if languageTagTooLong(value) {
			return "is " + longTagProblem(value)
		}
		return fmt.Sprintf("unknown language tag %q "+
			"(use a BCP 47 tag such as tr, en or ar-SY)", value)
	case "service_area":
		return fmt.Sprintf("unknown service area %q", value)
	case "target_group":
		return fmt.Sprintf("unknown target group %q", value)
	}
	return fmt.Sprintf("does not satisfy the rule %q", tag)
}

// sizeMessage explains a failed min or max rule, whose meaning depends
// on the kind of field: a length, a number of entries or a value.
func sizeMessage(bound string, fe validator.FieldError) string {
	switch fe.Kind() {
	case reflect.String:
		return fmt.Sprintf("must be at %s %s characters", bound, fe.Param())
	case reflect.Slice, reflect.Array, reflect.Map:
		entries := "entries"
		if fe.Param() == "1" {
			entries = "entry"
		}
		return fmt.Sprintf("must have at %s %s %s", bound, fe.Param(), entries)
	}
	return fmt.Sprintf("must be at %s %s", bound, fe.Param())
}

// provinceName returns the Turkish name of the province with the plate
// code written in s.
func provinceName(s string) string {
	code, _ := strconv.Atoi(s)
	p, ok := ProvinceByCode(code)
	if !ok {
		return "province " + s
	}
	return p.Name.In("tr").Value
}

// MaxLanguageTag is the most characters a language tag may have: 35,
// the buffer size that RFC 5646 (section 4.4.1) recommends for tags,
// which the tags services are given in hold with room to spare. BCP 47
// itself puts no bound on a tag, whose extensions and private-use
// subtags may go on for kilobytes: too long for one word of a search
// index, which a service's language becomes.
const MaxLanguageTag = 35

// languageTagTooLong reports whether s has more characters than a
// language tag may have.
func languageTagTooLong(s string) bool {
	return len(s) > MaxLanguageTag && utf8.RuneCountInString(s) > MaxLanguageTag
}

// longTagProblem says how long s is, and how long a language tag may
// be, without repeating s, which may fill a page.
func longTagProblem(s string) string {
	return fmt.Sprintf("%d characters long: a language tag has at most "+
		"%d, such as tr, en or ar-SY",
		utf8.RuneCountInString(s), MaxLanguageTag)
}

// validLanguageTag reports whether s is a BCP 47 tag, of at most
// MaxLanguageTag characters, that names a language: "und" and
// private-use tags such as "x-foo" do not.
func validLanguageTag(s string) bool {
	if languageTagTooLong(s) {
		return false
	}

	tag, err := parseTag(s)
	if err != nil {
		return false
	}
	_, confidence := tag.Base()
	return confidence == language.Exact
}

// canonicalTag returns the canonical form of the language tag s, such as
// "ar-SY" for "ar-sy", or s itself if it is not a tag.
func canonicalTag(s string) string {
	tag, err := parseTag(s)
	if err != nil {
		return s
	}
	return tag.String()
}

// validSlug reports whether s has the form of a slug.
func validSlug(s string) bool {
	return len(s) <= 80 && slugPattern.MatchString(s)
}
