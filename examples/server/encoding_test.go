package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompressedBodiesAreRefused(t *testing.T) {
	s := startServer(t, "-no-demo")
	const path = "/api/v1/organizations/ornek-dernegi"

	plain, err := json.Marshal(newOrganization("ornek-dernegi", "Örnek Derneği"))
	require.NoError(t, err)
	var gzipped bytes.Buffer
	zw := gzip.NewWriter(&gzipped)
	_, err = zw.Write(plain)
	require.NoError(t, err)
	require.NoError(t, zw.Close())

	tests := []struct {
		name     string
		encoding []string
		body     []byte
	}{
		{"gzip", []string{"gzip"}, gzipped.Bytes()},
		{"gzip in capitals", []string{"GZIP"}, gzipped.Bytes()},
		{"gzip after identity", []string{"identity, gzip"}, gzipped.Bytes()},
		{"gzip in a second header", []string{"identity", "gzip"}, gzipped.Bytes()},
		{"deflate", []string{"deflate"}, plain},
		{"brotli", []string{"br"}, plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, s.base+"/api/v1/organizations",
				bytes.NewReader(tt.body))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+testAdminToken)
			for _, v := range tt.encoding {
				req.Header.Add("Content-Encoding", v)
			}

			res := s.do(req)
			assert.Equal(t, http.StatusUnsupportedMediaType, res.status, "body: %s", res.body)
			assert.Equal(t, "identity", res.header.Get("Accept-Encoding"))
			got := decode[apiErrorBody](t, res)
			assert.Equal(t, "unsupported_encoding", got.Error.Code)
			assert.Contains(t, got.Error.Message, "compressed request bodies are not accepted")

			assert.Equal(t, http.StatusNotFound, s.get(path, "").status, "nothing created")
		})
	}

	t.Run("identity is the body as it is", func(t *testing.T) {
		req, err := http.NewRequest(http.MethodPost, s.base+"/api/v1/organizations",
			bytes.NewReader(plain))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+testAdminToken)
		req.Header.Set("Content-Encoding", "identity")

		res := s.do(req)
		assert.Equal(t, http.StatusCreated, res.status, "body: %s", res.body)
		assert.Equal(t, http.StatusOK, s.get(path, "").status)
	})
}

// TestByteOrderMarkIsNamed sends a body that some editors save with a
// byte-order mark: the answer says that the mark is the fault, and
// nothing is created.
func TestByteOrderMarkIsNamed(t *testing.T) {
	s := startServer(t, "-no-demo")

	plain, err := json.Marshal(newOrganization("ornek-dernegi", "Örnek Derneği"))
	require.NoError(t, err)
	res := s.send(http.MethodPost, "/api/v1/organizations", testAdminToken,
		"application/json", append([]byte{0xef, 0xbb, 0xbf}, plain...))

	assert.Equal(t, http.StatusBadRequest, res.status, "body: %s", res.body)
	got := decode[apiErrorBody](t, res)
	assert.Contains(t, got.Error.Message, "byte-order mark (U+FEFF)")
	assert.Equal(t, http.StatusNotFound,
		s.get("/api/v1/organizations/ornek-dernegi", "").status, "nothing created")
}
