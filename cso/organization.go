package cso

import "time"

// Kind is the legal form of an organization.
type Kind string

// The kinds of organization the directory knows.
const (
	KindAssociation   Kind = "association"   // dernek
	KindFoundation    Kind = "foundation"    // vakıf
	KindCooperative   Kind = "cooperative"   // kooperatif
	KindPlatform      Kind = "platform"      // platform or network
	KindInternational Kind = "international" // international NGO representation
	KindOther         Kind = "other"
)

// Status says whether an organization is working.
type Status string

// The statuses of an organization.
const (
	StatusActive   Status = "active"
	StatusInactive Status = "inactive"
	StatusClosed   Status = "closed"
)

// Organization is a civil society organization in the directory.
type Organization struct {
	// ID is chosen by the store and never shown in public URLs.
	ID int64 `json:"-"`

	// Slug is the stable public identifier, derived from the Turkish name
	// when not given. It never changes once created.
	Slug string `json:"slug" validate:"omitempty,slug"`

	Name        Text   `json:"name" validate:"text_tr,line_text"`
	ShortName   string `json:"short_name,omitempty" validate:"max=60,line"`
	Kind        Kind   `json:"kind" validate:"required,oneof=association foundation cooperative platform international other"`
	Description Text   `json:"description,omitempty" validate:"text"`

	// Website is an http or https URL; a bare domain gains https://.
	Website string `json:"website,omitempty" validate:"omitempty,http_url,max=300"`
	Email   string `json:"email,omitempty" validate:"omitempty,max=254,plain,email"`

	// Phones are stored in E.164 form, such as +902125551212.
	Phones      []string `json:"phones,omitempty" validate:"max=10,dive,e164"`
	SocialLinks []string `json:"social_links,omitempty" validate:"max=10,dive,http_url,max=300"`

	// RegistryID is an association register number (34-123-456), a
	// foundation register number (up to six digits) or a 10-digit tax
	// number. It is unique in the directory when present.
	RegistryID string `json:"registry_id,omitempty" validate:"omitempty,registry_id"`

	Status   Status    `json:"status" validate:"required,oneof=active inactive closed"`
	Offices  []Office  `json:"offices,omitempty" validate:"max=200,dive"`
	Services []Service `json:"services,omitempty" validate:"max=200,dive"`

	// LastVerified is set only by an explicit verification.
	LastVerified *time.Time `json:"last_verified_at,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`

	// Version counts the saved changes; an update must send the version
	// it read, so two editors cannot overwrite each other silently.
	Version int `json:"version"`

	// View says what a read returned: ViewPublic without confidential
	// offices, ViewFull with all of them. Stores leave it empty. An
	// update that would delete confidential offices must say ViewFull,
	// so that a public view sent back cannot delete them by mistake.
	View View `json:"view,omitempty"`
}

// Office is a location of an organization: an office or a service point.
type Office struct {
	Name       Text   `json:"name,omitempty" validate:"line_text"`
	Address    string `json:"address" validate:"required,max=300,line"`
	District   string `json:"district,omitempty" validate:"max=80,line"`
	Province   int    `json:"province" validate:"required,province"`
	PostalCode string `json:"postal_code,omitempty" validate:"omitempty,postal_code"`

	// Location is optional; when present it must fall inside Turkey.
	Location *Coordinates `json:"location,omitempty" validate:"omitempty"`

	// Confidential offices, such as shelters, never appear in public
	// output: only administrators and the organization itself see them.
	Confidential bool `json:"confidential,omitempty"`
}

// Coordinates are a WGS 84 latitude and longitude in degrees.
type Coordinates struct {
	Lat float64 `json:"lat" validate:"latitude"`
	Lon float64 `json:"lon" validate:"longitude"`
}

// Service is something an organization offers.
type Service struct {
	Name         Text     `json:"name" validate:"text_tr,line_text"`
	Description  Text     `json:"description,omitempty" validate:"text"`
	Areas        []string `json:"service_areas" validate:"min=1,max=20,dive,service_area"`
	TargetGroups []string `json:"target_groups,omitempty" validate:"max=20,dive,target_group"`
	Languages    []string `json:"languages,omitempty" validate:"max=30,dive,language_tag"`
	Provinces    []int    `json:"provinces,omitempty" validate:"max=81,dive,province"`

	Eligibility       Text `json:"eligibility,omitempty" validate:"text"`
	RequiredDocuments Text `json:"required_documents,omitempty" validate:"text"`
}
