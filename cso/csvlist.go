package cso

import "strings"

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
