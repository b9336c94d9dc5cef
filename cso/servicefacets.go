package cso

// ServiceFacets returns the filter values of each of o's services, in
// the order of o.Services, each list sorted, without repeats and nil when
// empty. A service that lists provinces is offered in those; one that
// lists none is offered where o has a public office. Confidential
// offices count for nothing, as in Facets.
//
// A search that filters by a service area, a target group or a language
// together with another filter asks for one service that satisfies them
// all (see Query): these are the values it matches.
func (o *Organization) ServiceFacets() []Facets {
	if o == nil || len(o.Services) == 0 {
		return nil
	}

	var offices []int
	for _, off := range o.Offices {
		if !off.Confidential {
			offices = append(offices, off.Province)
		}
	}

	all := make([]Facets, len(o.Services))
	for i, svc := range o.Services {
		provinces := svc.Provinces
		if len(provinces) == 0 {
			provinces = offices
		}
		all[i] = Facets{
			Provinces:    sortedSet(append([]int(nil), provinces...), 0),
			ServiceAreas: sortedSet(append([]string(nil), svc.Areas...), ""),
			TargetGroups: sortedSet(append([]string(nil), svc.TargetGroups...), ""),
			Languages:    sortedSet(append([]string(nil), svc.Languages...), ""),
		}
	}
	return all
}

// PerService reports whether q asks for one service that satisfies
// several of its filters: when it filters by a service area, a target
// group or a language together with at least one other filter, a
// province included. A province alone matches an organization with a
// public office or a service there, and one service filter alone
// matches the same organizations either way.
func (q *Query) PerService() bool {
	service := 0
	for _, set := range []bool{q.ServiceArea != "", q.TargetGroup != "", q.Language != ""} {
		if set {
			service++
		}
	}
	if q.Province != 0 {
		return service >= 1
	}
	return service >= 2
}
