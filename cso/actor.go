package cso

import "fmt"

// Actor is the party on whose behalf a call is made. The zero Actor is the
// anonymous public, which may read public data and write nothing.
type Actor struct {
	admin          bool
	organizationID int64
}

// Admin returns the actor of the platform's administrators, who may change
// every organization.
func Admin() Actor { return Actor{admin: true} }

// OrganizationActor returns the actor holding a token of the organization
// with the given ID, which may change that organization only.
func OrganizationActor(organizationID int64) Actor {
	return Actor{organizationID: organizationID}
}

// IsAdmin reports whether a is the platform's administrator.
func (a Actor) IsAdmin() bool { return a.admin }

// IsPublic reports whether a is the anonymous public.
func (a Actor) IsPublic() bool { return !a.admin && a.organizationID == 0 }

// OrganizationID returns the organization a acts for, or 0.
func (a Actor) OrganizationID() int64 { return a.organizationID }

// CanManage reports whether a may change the organization with the given
// ID and see its confidential records.
func (a Actor) CanManage(organizationID int64) bool {
	return a.admin || (a.organizationID != 0 && a.organizationID == organizationID)
}

// String describes the actor for logs without revealing any credential.
func (a Actor) String() string {
	switch {
	case a.admin:
		return "admin"
	case a.organizationID != 0:
		return fmt.Sprintf("organization:%d", a.organizationID)
	default:
		return "public"
	}
}
