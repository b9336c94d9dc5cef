package cso

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A page token holds the position of the last result of a page, bound to
// the query it continues and signed with the store's key, so that a token
// cannot be altered, forged or replayed against another query. As it
// holds a position rather than an offset, the next page starts right
// after the last result shown, however many organizations were added or
// removed before it in the meantime.
//
// The body is the version, a byte of flags, the group and the ID as
// unsigned varints, then the sort key; the MAC follows.
const (
	pageTokenVersion = 2
	pageTokenMACSize = 16

	// pageTokenPartial is the flag of a token that holds only the
	// beginning of the sort key.
	pageTokenPartial = 1
)

// MaxTokenSortKey is the most bytes of a sort key that a page token
// holds, so that a token stays within the 512 characters a Query takes.
// The first bytes of a key are the letters of the name without their
// accents and case, two bytes each, so this many tell apart any two
// names that differ in their first 150 letters or so.
const MaxTokenSortKey = 300

// PagePosition is where a page of search results ended: the rank group,
// the sort key (see SortKey) and the store ID of its last organization.
// The next page holds the matches that come after it in the order of
// results that Query documents: by group, then sort key, then ID. The
// zero PagePosition comes before every result.
type PagePosition struct {
	Group   int
	SortKey []byte
	ID      int64

	// Partial says that SortKey is only the first MaxTokenSortKey bytes
	// of the organization's sort key, which was longer. A store reads
	// the rest from the organization with the ID if it still begins the
	// same way.
	Partial bool
}

// EncodePageToken returns the opaque token of the page of q that comes
// after pos, signed with key. A sort key longer than MaxTokenSortKey is
// cut to that length, and the token says so.
func EncodePageToken(key []byte, q Query, pos PagePosition) string {
	sortKey, flags := pos.SortKey, byte(0)
	if len(sortKey) > MaxTokenSortKey || pos.Partial {
		sortKey, flags = sortKey[:min(len(sortKey), MaxTokenSortKey)], pageTokenPartial
	}

	buf := []byte{pageTokenVersion, flags}
	buf = binary.AppendUvarint(buf, uint64(pos.Group))
	buf = binary.AppendUvarint(buf, uint64(pos.ID))
	buf = append(buf, sortKey...)
	buf = append(buf, pageTokenMAC(key, q, buf)...)
	return base64.RawURLEncoding.EncodeToString(buf)
}

// DecodePageToken returns the position that token, issued for q with
// key, stands for. Any token not made by EncodePageToken with the same
// key and an equivalent query yields ErrInvalidPageToken, and so do the
// offsets that tokens of earlier versions held.
func DecodePageToken(key []byte, q Query, token string) (PagePosition, error) {
	raw, err := base64.RawURLEncoding.Strict().DecodeString(token)
	if err != nil || len(raw) < 4+pageTokenMACSize {
		return PagePosition{}, fmt.Errorf("%w: malformed", ErrInvalidPageToken)
	}

	body, mac := raw[:len(raw)-pageTokenMACSize], raw[len(raw)-pageTokenMACSize:]
	if !hmac.Equal(mac, pageTokenMAC(key, q, body)) {
		return PagePosition{}, fmt.Errorf("%w: not issued for this query", ErrInvalidPageToken)
	}

	if body[0] != pageTokenVersion {
		return PagePosition{}, fmt.Errorf("%w: unknown version", ErrInvalidPageToken)
	}
	pos, ok := decodePosition(body[1:])
	if !ok {
		return PagePosition{}, fmt.Errorf("%w: malformed", ErrInvalidPageToken)
	}
	return pos, nil
}

// decodePosition reads the flags, group, ID and sort key of a token's
// body after its version.
func decodePosition(body []byte) (PagePosition, bool) {
	flags := body[0]
	group, n := binary.Uvarint(body[1:])
	if n <= 0 || group > math.MaxInt32 || flags&^pageTokenPartial != 0 {
		return PagePosition{}, false
	}
	rest := body[1+n:]

	id, n := binary.Uvarint(rest)
	if n <= 0 || id > math.MaxInt64 {
		return PagePosition{}, false
	}

	return PagePosition{
		Group:   int(group),
		SortKey: append([]byte{}, rest[n:]...),
		ID:      int64(id),
		Partial: flags&pageTokenPartial != 0,
	}, true
}

// pageTokenMAC signs body together with the parts of q that select
// results; the limit may change from page to page.
func pageTokenMAC(key []byte, q Query, body []byte) []byte {
	statuses := selectedStatuses(q.Statuses)

	fields := []string{
		strings.Join(Terms(q.Text), " "),
		strconv.Itoa(q.Province),
		q.ServiceArea,
		q.TargetGroup,
		q.Language,
		strings.Join(statuses, ","),
	}

	m := hmac.New(sha256.New, key)
	m.Write(body)
	for _, f := range fields {
		m.Write([]byte{0})
		m.Write([]byte(f))
	}
	return m.Sum(nil)[:pageTokenMACSize]
}

// selectedStatuses returns the statuses a query selects, sorted and
// each once, so that queries that mean the same ("", "active,inactive"
// and "inactive,active,active") share their page tokens.
func selectedStatuses(given []Status) []string {
	if len(given) == 0 {
		given = []Status{StatusActive, StatusInactive}
	}

	statuses := make([]string, len(given))
	for i, s := range given {
		statuses[i] = string(s)
	}
	sort.Strings(statuses)
	return slices.Compact(statuses)
}
