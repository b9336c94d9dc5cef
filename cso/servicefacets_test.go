package cso_test

import (
	"testing"

	"github.com/musterekproje/musterek/cso"
	"github.com/stretchr/testify/assert"
)

func TestServiceFacetsKeepServicesApart(t *testing.T) {
	o := &cso.Organization{
		Offices: []cso.Office{
			{Province: 35},
			{Province: 1, Confidential: true},
			{Province: 35},
			{Province: 16},
		},
		Services: []cso.Service{
			{Areas: []string{"health"}, Provinces: []int{6},
				Languages: []string{"fa"}, TargetGroups: []string{"women"}},
			{Areas: []string{"legal_counseling", "protection"},
				Languages: []string{"tr", "ar-SY"}, TargetGroups: []string{"children"}},
		},
	}

	want := []cso.Facets{
		{Provinces: []int{6}, ServiceAreas: []string{"health"},
			TargetGroups: []string{"women"}, Languages: []string{"fa"}},
		// No provinces of its own: the public offices', not the
		// confidential one's.
		{Provinces: []int{16, 35}, ServiceAreas: []string{"legal_counseling", "protection"},
			TargetGroups: []string{"children"}, Languages: []string{"ar-SY", "tr"}},
	}
	assert.Equal(t, want, o.ServiceFacets())
	assert.Nil(t, (&cso.Organization{}).ServiceFacets())
}

func TestQueryPerService(t *testing.T) {
	tests := []struct {
		q    cso.Query
		want bool
	}{
		{cso.Query{}, false},
		{cso.Query{Text: "hukuk"}, false},
		{cso.Query{Province: 34}, false},
		{cso.Query{Province: 34, Text: "hukuk"}, false},
		{cso.Query{ServiceArea: "health"}, false},
		{cso.Query{Language: "fa", Text: "hukuk"}, false},
		{cso.Query{ServiceArea: "health", Province: 34}, true},
		{cso.Query{TargetGroup: "women", Province: 34}, true},
		{cso.Query{Language: "fa", Province: 34}, true},
		{cso.Query{ServiceArea: "legal_counseling", Language: "fa"}, true},
		{cso.Query{ServiceArea: "health", TargetGroup: "women"}, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.q.PerService(), "%+v", tt.q)
	}
}
