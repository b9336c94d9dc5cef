package cso

import (
	"fmt"
	"strconv"
	"strings"
)

// csvList splits a ';'-separated cell, dropping empty entries.
func csvList(s string) []string {
	var entries []string
	for entry := range strings.SplitSeq(s, ";") {
		if entry = strings.TrimSpace(entry); entry != "" {
			entries = append(entries, entry)
		}
	}
	return entries
}

// csvCodes splits a ';'-separated cell of taxonomy codes, which are
// lower case, and keeps each code once, where it first appears.
func csvCodes(s string) []string {
	return appendNew(nil, csvList(strings.ToLower(s))...)
}

// csvJoinLinks joins web addresses into one cell. A ';' inside an
// address is written %3B, which names the same resource, so that
// ReadCSV does not split the address in two.
func csvJoinLinks(links []string) string {
	escaped := make([]string, len(links))
	for i, link := range links {
		escaped[i] = strings.ReplaceAll(link, ";", "%3B")
	}
	return strings.Join(escaped, ";")
}

// csvEntryOf names the entry of a list cell that the validation path
// points at, such as `entry 2 ("0212 CALL NOW"): ` for "phones[1]", or
// returns "" when the path points at no entry of a list cell. Entries
// are counted from 1, as a person reads the cell, without empty ones.
func csvEntryOf(o *Organization, path string) string {
	name, index, ok := strings.Cut(path, "[")
	if !ok || o == nil {
		return ""
	}
	i, err := strconv.Atoi(strings.TrimSuffix(index, "]"))
	if err != nil || !strings.HasSuffix(index, "]") {
		return ""
	}

	var entries []string
	switch name {
	case "phones":
		entries = o.Phones
	case "social_links":
		entries = o.SocialLinks
	}
	if i < 0 || i >= len(entries) {
		return ""
	}
	return fmt.Sprintf("entry %d (%q): ", i+1, entries[i])
}
