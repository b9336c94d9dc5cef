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
