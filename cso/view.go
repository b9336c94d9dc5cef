package cso

import "fmt"

// View is how much of an organization a read returned.
type View string

// The views of an organization.
const (
	// ViewPublic leaves out the confidential offices: what anyone who
	// may not manage the organization sees.
	ViewPublic View = "public"

	// ViewFull holds every office: what the administrator and the
	// organization itself see.
	ViewFull View = "full"
)

// PublicView returns a copy of o without its confidential offices, for
// anyone who may not manage the organization.
func (o *Organization) PublicView() *Organization {
	c := *o
	c.View = ViewPublic
	c.Offices = nil
	for _, off := range o.Offices {
		if !off.Confidential {
			c.Offices = append(c.Offices, off)
		}
	}
	return &c
}

// FullView returns a copy of o with every office, marked as the full view.
func (o *Organization) FullView() *Organization {
	c := *o
	c.View = ViewFull
	return &c
}

// confidentialOffices returns how many offices of o only those who may
// manage it see.
func confidentialOffices(o *Organization) int {
	n := 0
	for _, off := range o.Offices {
		if off.Confidential {
			n++
		}
	}
	return n
}

// checkDroppedOffices refuses an update that would delete confidential
// offices of stored without saying "view": "full": such a body most
// likely began as a public view, which leaves them out, and saving it
// would delete a shelter's address by mistake.
func checkDroppedOffices(stored, o *Organization) error {
	if o.View == ViewFull ||
		confidentialOffices(o) >= confidentialOffices(stored) {
		return nil
	}
	return &ValidationError{Fields: map[string]string{
		"view": "must be \"full\" to delete confidential offices: this body " +
			"leaves out some of the organization's confidential offices, as " +
			"a public view does; to keep them, read the organization with " +
			"its own or the admin token and edit that",
	}}
}

// editedBody returns a copy of o, the body of a create or an update,
// without its view, which says where the body was read and is not
// stored. A view other than the two there are is refused.
func editedBody(o *Organization) (*Organization, error) {
	if o == nil {
		return nil, fmt.Errorf("cso: no organization given: %w", ErrInvalid)
	}

	switch o.View {
	case "", ViewPublic, ViewFull:
	default:
		return nil, &ValidationError{Fields: map[string]string{
			"view": `must be "public" or "full", or left out`,
		}}
	}

	body := *o
	body.View = ""
	return &body, nil
}
