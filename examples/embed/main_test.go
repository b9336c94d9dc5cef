package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunPrintsLegalCounselingInIstanbul(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))

	// The demo data holds 57 organizations; Refugee Rights Türkiye (Mülteci
	// Hakları Merkezi) counsels in İstanbul, Kaos GL only in Ankara.
	assert.Contains(t, out.String(), "imported 57 organizations\n")
	assert.Contains(t, out.String(), "  Mülteci Hakları Merkezi\n")
	assert.NotContains(t, out.String(), "Kaos GL")
}
