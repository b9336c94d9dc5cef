package cso

import "strings"

// Limits on a page of search results.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Query selects organizations. Every field is optional and all the given
// ones must hold. A filter by a service area, a target group or a
// language given with any other filter must be met by one service of the
// organization, which must satisfy all of them (see PerService); a
// service is in a province when it lists it, or, listing none, when the
// organization has a public office there. A province alone matches an
// organization with a public office or a service there. With Text, organizations whose name matches every word
// come before those that match through their description or services;
// within each group, and without Text, they are in Turkish alphabetical
// order of their Turkish name.
type Query struct {
	// Text is what a person typed: each word must match the start of a
	// word in a name, description, service or public office, or in the
	// Turkish, English or Arabic label of a service area, target group
	// or province of the organization's services and public offices,
	// folded the Turkish way; a word of one letter matches no label. It
	// is one line of plain text: invalid UTF-8, control characters and
	// direction overrides are refused, and so is text of more than ten
	// different words.
	Text string `json:"q,omitempty" validate:"max=200,plain,search_words"`

	Province    int    `json:"province,omitempty" validate:"omitempty,province"`
	ServiceArea string `json:"service_area,omitempty" validate:"omitempty,service_area"`
	TargetGroup string `json:"target_group,omitempty" validate:"omitempty,target_group"`
	Language    string `json:"language,omitempty" validate:"omitempty,language_tag"`

	// Statuses limits the statuses; empty means active and inactive.
	Statuses []Status `json:"status,omitempty" validate:"dive,oneof=active inactive closed"`

	// Limit is the page size, 1 to MaxLimit; 0 means DefaultLimit.
	Limit int `json:"limit,omitempty" validate:"min=0,max=100"`

	// PageToken continues an earlier search with the same query.
	PageToken string `json:"page_token,omitempty" validate:"max=512"`
}

// SearchResult is one page of organizations.
type SearchResult struct {
	Items         []*Organization `json:"items"`
	NextPageToken string          `json:"next_page_token,omitempty"`
	Total         int             `json:"total"`
}

// Normalize tidies q before validation: codes are lower-cased, the
// language tag is put in canonical form and the text is trimmed.
func (q *Query) Normalize() {
	q.Text = strings.TrimSpace(q.Text)
	q.ServiceArea = strings.ToLower(strings.TrimSpace(q.ServiceArea))
	q.TargetGroup = strings.ToLower(strings.TrimSpace(q.TargetGroup))
	q.Language = canonicalTag(strings.TrimSpace(q.Language))
	statuses := make([]Status, len(q.Statuses))
	for i, s := range q.Statuses {
		statuses[i] = Status(strings.ToLower(strings.TrimSpace(string(s))))
	}
	q.Statuses = statuses
}
