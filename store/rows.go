package store

import (
	"cmp"
	"slices"
	"time"

	"github.com/musterekproje/musterek/cso"
	"github.com/uptrace/bun"
)

// organizationRow is a row of the organizations table.
type organizationRow struct {
	bun.BaseModel `bun:"table:organizations,alias:o"`

	ID             int64                `bun:"id,pk,autoincrement"`
	Slug           string               `bun:"slug"`
	RegistryID     string               `bun:"registry_id,nullzero"`
	Kind           string               `bun:"kind"`
	Status         string               `bun:"status"`
	ShortName      string               `bun:"short_name"`
	Names          jsonColumn[cso.Text] `bun:"names"`
	Descriptions   jsonColumn[cso.Text] `bun:"descriptions"`
	Website        string               `bun:"website"`
	Email          string               `bun:"email"`
	Phones         jsonColumn[[]string] `bun:"phones"`
	SocialLinks    jsonColumn[[]string] `bun:"social_links"`
	LastVerifiedAt *time.Time           `bun:"last_verified_at"`
	CreatedAt      time.Time            `bun:"created_at"`
	UpdatedAt      time.Time            `bun:"updated_at"`
	Version        int                  `bun:"version"`

	// SortKey orders rows in Turkish alphabetical order of the Turkish
	// name; NameKey and RestKey are the folded words search matches, and
	// FacetKey the facet tokens that filters match (see facetKey).
	SortKey  []byte `bun:"sort_key"`
	NameKey  string `bun:"name_key"`
	RestKey  string `bun:"rest_key"`
	FacetKey string `bun:"facet_key"`
}

// detailRow is a row of the organization_details table: the offices and
// services of an organization, as JSON arrays. Public and confidential
// offices are apart, so that a public read never fetches the
// confidential ones; each office keeps its position in the organization's
// list of all offices.
type detailRow struct {
	bun.BaseModel `bun:"table:organization_details,alias:d"`

	OrganizationID      int64                    `bun:"organization_id,pk"`
	Offices             jsonColumn[[]officeDoc]  `bun:"offices"`
	ConfidentialOffices jsonColumn[[]officeDoc]  `bun:"confidential_offices"`
	Services            jsonColumn[[]serviceDoc] `bun:"services"`
}

// officeDoc is an office as organization_details holds it.
type officeDoc struct {
	Position   int      `json:"position"`
	Name       cso.Text `json:"name"`
	Address    string   `json:"address"`
	District   string   `json:"district"`
	Province   int      `json:"province"`
	PostalCode string   `json:"postal_code"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
}

// serviceDoc is a service as organization_details holds it.
type serviceDoc struct {
	Name              cso.Text `json:"name"`
	Description       cso.Text `json:"description"`
	Areas             []string `json:"areas"`
	TargetGroups      []string `json:"target_groups"`
	Languages         []string `json:"languages"`
	Provinces         []int    `json:"provinces"`
	Eligibility       cso.Text `json:"eligibility"`
	RequiredDocuments cso.Text `json:"required_documents"`
}

// record is everything stored for one organization.
type record struct {
	org      organizationRow
	details  detailRow
	services []serviceKey
}

// newRecord returns the rows that store o. IDs, times and the version are
// left for the caller to set.
func newRecord(o *cso.Organization) *record {
	nameKey, restKey, facets := indexKeys(o)
	r := &record{org: organizationRow{
		ID:           o.ID,
		Slug:         o.Slug,
		RegistryID:   o.RegistryID,
		Kind:         string(o.Kind),
		Status:       string(o.Status),
		ShortName:    o.ShortName,
		Names:        jsonColumn[cso.Text]{textColumn(o.Name)},
		Descriptions: jsonColumn[cso.Text]{textColumn(o.Description)},
		Website:      o.Website,
		Email:        o.Email,
		Phones:       jsonColumn[[]string]{listColumn(o.Phones)},
		SocialLinks:  jsonColumn[[]string]{listColumn(o.SocialLinks)},
		SortKey:      cso.SortKey(o.Name["tr"]),
		NameKey:      nameKey,
		RestKey:      restKey,
		FacetKey:     facets,
	}}
	if o.LastVerified != nil {
		t := o.LastVerified.UTC().Truncate(time.Microsecond)
		r.org.LastVerifiedAt = &t
	}

	r.details = newDetailRow(o)
	r.services = serviceKeys(o)
	r.setID(o.ID)
	return r
}

// setID sets the organization ID on every row of r.
func (r *record) setID(id int64) {
	r.org.ID = id
	r.details.OrganizationID = id
}

// newDetailRow returns the offices and services of o as stored. The
// lists are never nil, so that they are stored as empty JSON arrays.
func newDetailRow(o *cso.Organization) detailRow {
	public := []officeDoc{}
	confidential := []officeDoc{}
	for i, off := range o.Offices {
		if off.Confidential {
			confidential = append(confidential, newOfficeDoc(i, off))
		} else {
			public = append(public, newOfficeDoc(i, off))
		}
	}

	services := make([]serviceDoc, 0, len(o.Services))
	for _, svc := range o.Services {
		services = append(services, newServiceDoc(svc))
	}
	return detailRow{
		Offices:             jsonColumn[[]officeDoc]{public},
		ConfidentialOffices: jsonColumn[[]officeDoc]{confidential},
		Services:            jsonColumn[[]serviceDoc]{services},
	}
}

func newOfficeDoc(position int, off cso.Office) officeDoc {
	doc := officeDoc{
		Position:   position,
		Name:       textColumn(off.Name),
		Address:    off.Address,
		District:   off.District,
		Province:   off.Province,
		PostalCode: off.PostalCode,
	}
	if off.Location != nil {
		lat, lon := off.Location.Lat, off.Location.Lon
		doc.Lat, doc.Lon = &lat, &lon
	}
	return doc
}

func newServiceDoc(svc cso.Service) serviceDoc {
	provinces := svc.Provinces
	if provinces == nil {
		provinces = []int{}
	}
	return serviceDoc{
		Name:              textColumn(svc.Name),
		Description:       textColumn(svc.Description),
		Areas:             listColumn(svc.Areas),
		TargetGroups:      listColumn(svc.TargetGroups),
		Languages:         listColumn(svc.Languages),
		Provinces:         provinces,
		Eligibility:       textColumn(svc.Eligibility),
		RequiredDocuments: textColumn(svc.RequiredDocuments),
	}
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
		Name:        textValue(r.Names.V),
		ShortName:   r.ShortName,
		Kind:        cso.Kind(r.Kind),
		Description: textValue(r.Descriptions.V),
		Website:     r.Website,
		Email:       r.Email,
		Phones:      listValue(r.Phones.V),
		SocialLinks: listValue(r.SocialLinks.V),
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

// withDetails adds to o the services and the offices that d holds, the
// confidential ones too if asked, in the order they were given.
func (d *detailRow) withDetails(o *cso.Organization, confidential bool) {
	type placed struct {
		position int
		office   cso.Office
	}
	var offices []placed
	for i := range d.Offices.V {
		doc := &d.Offices.V[i]
		offices = append(offices, placed{doc.Position, doc.office(false)})
	}
	if confidential {
		for i := range d.ConfidentialOffices.V {
			doc := &d.ConfidentialOffices.V[i]
			offices = append(offices, placed{doc.Position, doc.office(true)})
		}
	}
	slices.SortStableFunc(offices, func(a, b placed) int {
		return cmp.Compare(a.position, b.position)
	})
	for _, p := range offices {
		o.Offices = append(o.Offices, p.office)
	}

	for i := range d.Services.V {
		o.Services = append(o.Services, d.Services.V[i].service())
	}
}

func (doc *officeDoc) office(confidential bool) cso.Office {
	off := cso.Office{
		Name:         textValue(doc.Name),
		Address:      doc.Address,
		District:     doc.District,
		Province:     doc.Province,
		PostalCode:   doc.PostalCode,
		Confidential: confidential,
	}
	if doc.Lat != nil && doc.Lon != nil {
		off.Location = &cso.Coordinates{Lat: *doc.Lat, Lon: *doc.Lon}
	}
	return off
}

func (doc *serviceDoc) service() cso.Service {
	svc := cso.Service{
		Name:              textValue(doc.Name),
		Description:       textValue(doc.Description),
		Areas:             listValue(doc.Areas),
		TargetGroups:      listValue(doc.TargetGroups),
		Languages:         listValue(doc.Languages),
		Eligibility:       textValue(doc.Eligibility),
		RequiredDocuments: textValue(doc.RequiredDocuments),
	}
	if len(doc.Provinces) > 0 {
		svc.Provinces = doc.Provinces
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
