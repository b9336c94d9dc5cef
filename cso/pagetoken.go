package cso

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// A page token is the offset of the next page, bound to the query it
// continues and signed with the store's key, so that a token cannot be
// altered, forged or replayed against another query.
const (
	pageTokenVersion = 1
	pageTokenMACSize = 16
)

// EncodePageToken returns the opaque token for the page of q that starts
// at offset, signed with key.
func EncodePageToken(key []byte, q Query, offset int) string {
	var buf []byte
	buf = append(buf, pageTokenVersion)
	buf = binary.AppendUvarint(buf, uint64(offset))
	buf = append(buf, pageTokenMAC(key, q, buf)...)
	return base64.RawURLEncoding.EncodeToString(buf)
}

// DecodePageToken returns the offset that token, issued for q with key,
// stands for. Any token not made by EncodePageToken with the same key and
// an equivalent query yields ErrInvalidPageToken.
func DecodePageToken(key []byte, q Query, token string) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) < 2+pageTokenMACSize {
		return 0, fmt.Errorf("%w: malformed", ErrInvalidPageToken)
	}

	body, mac := raw[:len(raw)-pageTokenMACSize], raw[len(raw)-pageTokenMACSize:]
	if !hmac.Equal(mac, pageTokenMAC(key, q, body)) {
		return 0, fmt.Errorf("%w: not issued for this query", ErrInvalidPageToken)
	}

	if body[0] != pageTokenVersion {
		return 0, fmt.Errorf("%w: unknown version", ErrInvalidPageToken)
	}
	offset, n := binary.Uvarint(body[1:])
	if n <= 0 || n != len(body)-1 || offset > 1<<31 {
		return 0, fmt.Errorf("%w: malformed", ErrInvalidPageToken)
	}
	return int(offset), nil
}

// pageTokenMAC signs body together with the parts of q that select
// results; the limit may change from page to page.
func pageTokenMAC(key []byte, q Query, body []byte) []byte {
	statuses := make([]string, len(q.Statuses))
	for i, s := range q.Statuses {
		statuses[i] = string(s)
	}
	sort.Strings(statuses)

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
