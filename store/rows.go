package store

import (
	"strconv"
	"strings"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// organizationRow is a row of the organizations table.
type organizationRow struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`

	ID             int64      `bun:"id,pk,autoincrement"`
	Slug           string     `bun:"slug"`
	RegistryID     string     `bun:"registry_id,nullzero"`
	Kind           string     `bun:"kind"`
	Status         string     `bun:"status"`
	ShortName      string     `bun:"short_name"`
	Names          cso.Text   `bun:"names"`
	Descriptions   cso.Text   `bun:"descriptions"`
	Website        string     `bun:"website"`
	Email          string     `bun:"email"`
	Phones         []string   `bun:"phones"`
	SocialLinks    []string   `bun:"social_links"`
	LastVerifiedAt *time.Time `bun:"last_verified_at"`
	CreatedAt      time.Time  `bun:"created_at"`
	UpdatedAt      time.Time  `bun:"updated_at"`
	Version        int        `bun:"version"`

	// SortKey orders rows in Turkish alphabetical order of the Turkish
	// name; NameKey and RestKey are the folded words search matches, and
	// FacetKey the facet tokens that filters match (see facetKey).
	SortKey  []byte `bun:"sort_key"`
	NameKey  string `bun:"name_key"`
	RestKey  string `bun:"rest_key"`
	FacetKey string `bun:"facet_key"`
}

// officeRow is a row of the offices table.
type officeRow struct {
	bun.BaseModel `bun:"table:offices"`

	OrganizationID int64    `bun:"organization_id,pk"`
	Position       int      `bun:"position,pk"`
	Names          cso.Text `bun:"names"`
	Address        string   `bun:"address"`
	District       string   `bun:"district"`
	Province       int      `bun:"province"`
	PostalCode     string   `bun:"postal_code"`
	Lat            *float64 `bun:"lat"`
	Lon            *float64 `bun:"lon"`
	Confidential   bool     `bun:"confidential"`
}

// serviceRow is a row of the services table.
type serviceRow struct {
	bun.BaseModel `bun:"table:services"`

	OrganizationID    int64    `bun:"organization_id,pk"`
	Position          int      `bun:"position,pk"`
	Names             cso.Text `bun:"names"`
	Descriptions      cso.Text `bun:"descriptions"`
	Areas             []string `bun:"areas"`
	TargetGroups      []string `bun:"target_groups"`
	Languages         []string `bun:"languages"`
	Provinces         []int    `bun:"provinces"`
	Eligibility       cso.Text `bun:"eligibility"`
	RequiredDocuments cso.Text `bun:"required_documents"`
}

// facetRow says that an organization can be found by a filter value.
type facetRow struct {
	bun.BaseModel `bun:"table:organization_facets"`

	Facet          string `bun:"facet,pk"`
	Value          string `bun:"value,pk"`
	OrganizationID int64  `bun:"organization_id,pk"`
}

// The facets an organization is filtered by.
const (
	facetProvince    = "province"
	facetServiceArea = "service_area"
	facetTargetGroup = "target_group"
	facetLanguage    = "language"
	facetStatus      = "status"
)

// record is everything stored for one organization.
type record struct {
	org      organizationRow
	offices  []officeRow
	services []serviceRow
	facets   []facetRow
}

// maxKeyWord is the longest word kept in a search key, in bytes. Longer
// "words" are not words anyone types, and PostgreSQL refuses lexemes
// past 2 kB.
const maxKeyWord = 100

// newRecord returns the rows that store o. IDs, times and the version are
// left for the caller to set.
func newRecord(o *cso.Organization) *record {
	names, rest := o.SearchKeys()
	r := &record{org: organizationRow{
		ID:           o.ID,
		Slug:         o.Slug,
		RegistryID:   o.RegistryID,
		Kind:         string(o.Kind),
		Status:       string(o.Status),
		ShortName:    o.ShortName,
		Names:        textColumn(o.Name),
		Descriptions: textColumn(o.Description),
		Website:      o.Website,
		Email:        o.Email,
		Phones:       listColumn(o.Phones),
		SocialLinks:  listColumn(o.SocialLinks),
		SortKey:      cso.SortKey(o.Name["tr"]),
		NameKey:      searchKey(names),
		RestKey:      searchKey(rest),
		FacetKey:     facetKey(o.Facets(), o.Status),
	}}
	if o.LastVerified != nil {
		t := o.LastVerified.UTC().Truncate(time.Microsecond)
		r.org.LastVerifiedAt = &t
	}

	for i, off := range o.Offices {
		r.offices = append(r.offices, newOfficeRow(i, off))
	}
	for i, svc := range o.Services {
		r.services = append(r.services, newServiceRow(i, svc))
	}
	r.facets = newFacetRows(o.Facets())
	r.setID(o.ID)
	return r
}

// setID sets the organization ID on every row of r.
func (r *record) setID(id int64) {
	r.org.ID = id
	for i := range r.offices {
		r.offices[i].OrganizationID = id
	}
	for i := range r.services {
		r.services[i].OrganizationID = id
	}
	for i := range r.facets {
		r.facets[i].OrganizationID = id
	}
}

func newOfficeRow(position int, off cso.Office) officeRow {
	row := officeRow{
		Position:     position,
		Names:        textColumn(off.Name),
		Address:      off.Address,
		District:     off.District,
		Province:     off.Province,
		PostalCode:   off.PostalCode,
		Confidential: off.Confidential,
	}
	if off.Location != nil {
		lat, lon := off.Location.Lat, off.Location.Lon
		row.Lat, row.Lon = &lat, &lon
	}
	return row
}

func newServiceRow(position int, svc cso.Service) serviceRow {
	provinces := svc.Provinces
	if provinces == nil {
		provinces = []int{}
	}
	return serviceRow{
		Position:          position,
		Names:             textColumn(svc.Name),
		Descriptions:      textColumn(svc.Description),
		Areas:             listColumn(svc.Areas),
		TargetGroups:      listColumn(svc.TargetGroups),
		Languages:         listColumn(svc.Languages),
		Provinces:         provinces,
		Eligibility:       textColumn(svc.Eligibility),
		RequiredDocuments: textColumn(svc.RequiredDocuments),
	}
}

func newFacetRows(f cso.Facets) []facetRow {
	var rows []facetRow
	add := func(facet, value string) {
		rows = append(rows, facetRow{Facet: facet, Value: value})
	}

	for _, p := range f.Provinces {
		add(facetProvince, strconv.Itoa(p))
	}
	for _, v := range f.ServiceAreas {
		add(facetServiceArea, v)
	}
	for _, v := range f.TargetGroups {
		add(facetTargetGroup, v)
	}
	for _, v := range f.Languages {
		add(facetLanguage, v)
	}
	return rows
}

// facetToken returns the word of the search index that says an
// organization has the value of a facet, such as "#province=34". Folded
// words hold only letters, digits and marks, so no text a person types
// matches a facet token, not even as a prefix.
func facetToken(facet, value string) string {
	return "#" + facet + "=" + value
}

// facetKey returns the facet tokens of an organization with the facets
// and the status, separated by spaces. The search index holds them next
// to the words, so that filters and text are matched in one lookup.
func facetKey(f cso.Facets, status cso.Status) string {
	var b strings.Builder
	add := func(facet, value string) {
		b.WriteString(facetToken(facet, value))
		b.WriteByte(' ')
	}

	for _, p := range f.Provinces {
		add(facetProvince, strconv.Itoa(p))
	}
	for _, v := range f.ServiceAreas {
		add(facetServiceArea, v)
	}
	for _, v := range f.TargetGroups {
		add(facetTargetGroup, v)
	}
	for _, v := range f.Languages {
		add(facetLanguage, v)
	}
	add(facetStatus, string(status))
	return strings.TrimSuffix(b.String(), " ")
}

// searchKey returns the folded words of key without those too long to
// index.
func searchKey(key string) string {
	words := strings.Fields(key)
	kept := words[:0]
	for _, w := range words {
		if len(w) <= maxKeyWord {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// textColumn and listColumn store a missing value as an empty JSON object
// or array, so that the columns need no NULL.
func textColumn(t cso.Text) cso.Text {
	if t == nil {
		return cso.Text{}
	}
	return t
}

func listColumn(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// organization returns the organization that r stores, without offices
// and services.
func (r *organizationRow) organization() *cso.Organization {
	o := &cso.Organization{
		ID:          r.ID,
		Slug:        r.Slug,
		Name:        textValue(r.Names),
		ShortName:   r.ShortName,
		Kind:        cso.Kind(r.Kind),
		Description: textValue(r.Descriptions),
		Website:     r.Website,
		Email:       r.Email,
		Phones:      listValue(r.Phones),
		SocialLinks: listValue(r.SocialLinks),
		RegistryID:  r.RegistryID,
		Status:      cso.Status(r.Status),
		CreatedAt:   r.CreatedAt.UTC(),
		UpdatedAt:   r.UpdatedAt.UTC(),
		Version:     r.Version,
	}
	if r.LastVerifiedAt != nil {
		t := r.LastVerifiedAt.UTC()
		o.LastVerified = &t
	}
	return o
}

func (r *officeRow) office() cso.Office {
	off := cso.Office{
		Name:         textValue(r.Names),
		Address:      r.Address,
		District:     r.District,
		Province:     r.Province,
		PostalCode:   r.PostalCode,
		Confidential: r.Confidential,
	}
	if r.Lat != nil && r.Lon != nil {
		off.Location = &cso.Coordinates{Lat: *r.Lat, Lon: *r.Lon}
	}
	return off
}

func (r *serviceRow) service() cso.Service {
	svc := cso.Service{
		Name:              textValue(r.Names),
		Description:       textValue(r.Descriptions),
		Areas:             listValue(r.Areas),
		TargetGroups:      listValue(r.TargetGroups),
		Languages:         listValue(r.Languages),
		Eligibility:       textValue(r.Eligibility),
		RequiredDocuments: textValue(r.RequiredDocuments),
	}
	if len(r.Provinces) > 0 {
		svc.Provinces = r.Provinces
	}
	return svc
}

// textValue and listValue read an empty stored value back as nil, the
// form a caller builds when a value is missing.
func textValue(t cso.Text) cso.Text {
	if len(t) == 0 {
		return nil
	}
	return t
}

func listValue(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	return l
}
