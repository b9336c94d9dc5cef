package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// labels is the answer of a reference table, as a client reads it.
type labels[T any] struct {
	Lang  string `json:"lang"`
	Dir   string `json:"dir"`
	Items []T    `json:"items"`
}

// province is an item of /api/v1/provinces.
type province struct {
	Code   int    `json:"code"`
	Name   string `json:"name"`
	Region struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"region"`
}

// term is an item of /api/v1/service-areas and /api/v1/target-groups.
type term struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

func TestProvincesInTheAskedLanguage(t *testing.T) {
	s := startServer(t, "-no-demo")

	tests := []struct {
		name           string
		query          string
		acceptLanguage string
		lang, dir      string
		istanbul       string
		marmara        string
	}{
		{"default", "", "", "tr", "ltr", "İstanbul", "Marmara Bölgesi"},
		{"lang parameter", "?lang=ar", "", "ar", "rtl", "إسطنبول", "منطقة مرمرة"},
		{"regional lang parameter", "?lang=ar-SY", "", "ar", "rtl", "إسطنبول", "منطقة مرمرة"},
		{"Accept-Language", "", "en-GB,en;q=0.9", "en", "ltr", "Istanbul", "Marmara Region"},
		{"lang parameter wins", "?lang=ar", "en", "ar", "rtl", "إسطنبول", "منطقة مرمرة"},
		{"unsupported languages", "?lang=de", "fr", "en", "ltr", "Istanbul", "Marmara Region"},
		{"unknown language", "?lang=zz", "", "en", "ltr", "Istanbul", "Marmara Region"},
		{"unsupported lang, supported header", "?lang=de", "ar", "ar", "rtl",
			"إسطنبول", "منطقة مرمرة"},
		{"any language", "", "*", "tr", "ltr", "İstanbul", "Marmara Bölgesi"},
		{"unreadable header", "", "en;q=x;;", "tr", "ltr", "İstanbul", "Marmara Bölgesi"},
		{"best supported of several", "", "de, ar;q=0.8, en;q=0.5", "ar", "rtl",
			"إسطنبول", "منطقة مرمرة"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, s.base+"/api/v1/provinces"+tt.query, nil)
			require.NoError(t, err)
			if tt.acceptLanguage != "" {
				req.Header.Set("Accept-Language", tt.acceptLanguage)
			}
			res := s.do(req)
			require.Equal(t, http.StatusOK, res.status)
			assert.Equal(t, tt.lang, res.header.Get("Content-Language"))

			got := decode[labels[province]](t, res)
			assert.Equal(t, tt.lang, got.Lang)
			assert.Equal(t, tt.dir, got.Dir)
			require.Len(t, got.Items, 81)
			assert.Equal(t, 34, got.Items[33].Code)
			assert.Equal(t, tt.istanbul, got.Items[33].Name)
			assert.Equal(t, "marmara", got.Items[33].Region.Code)
			assert.Equal(t, tt.marmara, got.Items[33].Region.Name)
		})
	}
}

func TestTaxonomiesInTheAskedLanguage(t *testing.T) {
	s := startServer(t, "-no-demo")

	tests := []struct {
		path  string
		lang  string
		code  string
		label string
	}{
		{"/api/v1/service-areas?lang=en", "en", "health", "Health"},
		{"/api/v1/service-areas?lang=tr", "tr", "health", "Sağlık"},
		{"/api/v1/service-areas?lang=ar", "ar", "health", "الصحة"},
		{"/api/v1/target-groups?lang=en", "en", "women", "Women"},
		{"/api/v1/target-groups?lang=tr", "tr", "children", "Çocuklar"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := s.get(tt.path, "")
			require.Equal(t, http.StatusOK, res.status)
			got := decode[labels[term]](t, res)
			assert.Equal(t, tt.lang, got.Lang)
			assert.Contains(t, got.Items, term{tt.code, tt.label})
		})
	}
}
