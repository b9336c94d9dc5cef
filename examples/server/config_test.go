package main

import (
	"bytes"
	"errors"
	"flag"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigDefaults(t *testing.T) {
	cfg, err := parseConfig(nil, func(string) string { return "" }, &bytes.Buffer{})
	require.NoError(t, err)

	assert.Equal(t, ":8080", cfg.addr)
	assert.Equal(t, "sqlite:musterek.db", cfg.dsn)
	assert.Equal(t, "", cfg.adminToken)
	assert.Equal(t, slog.LevelInfo, cfg.logLevel)
	assert.Equal(t, "text", cfg.logFormat)
	assert.Equal(t, byteSize(1048576), cfg.maxBody)
	assert.Equal(t, "", cfg.importFile)
	assert.False(t, cfg.noDemo)
	assert.Equal(t, 10.0, cfg.authFailureRate)
	assert.Equal(t, 50, cfg.authFailureBurst)
}

func TestConfigFlagsWinOverEnvironment(t *testing.T) {
	env := map[string]string{
		"MUSTEREK_ADDR":        "127.0.0.1:9000",
		"MUSTEREK_DB":          "postgres://db.example/musterek",
		"MUSTEREK_ADMIN_TOKEN": "from-the-environment-1234",
		"MUSTEREK_LOG_LEVEL":   "debug",
		"MUSTEREK_LOG_FORMAT":  "json",
		"MUSTEREK_MAX_BODY":    "2MiB",
		"MUSTEREK_NO_DEMO":     "true",
		"MUSTEREK_IMPORT":      "orgs.csv",
	}
	args := []string{"-addr", ":7000", "-log-level", "warn", "-max-body", "512KiB",
		"-db-conns", "7"}

	cfg, err := parseConfig(args, func(k string) string { return env[k] }, &bytes.Buffer{})
	require.NoError(t, err)

	assert.Equal(t, ":7000", cfg.addr)
	assert.Equal(t, 7, cfg.dbConns)
	assert.Equal(t, slog.LevelWarn, cfg.logLevel)
	assert.Equal(t, byteSize(524288), cfg.maxBody)
	assert.Equal(t, "postgres://db.example/musterek", cfg.dsn)
	assert.Equal(t, "from-the-environment-1234", cfg.adminToken)
	assert.Equal(t, "json", cfg.logFormat)
	assert.True(t, cfg.noDemo)
	assert.Equal(t, "orgs.csv", cfg.importFile)
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"short admin token", []string{"-admin-token", "secret"}, nil,
			"server: admin token must be at least 16 characters"},
		{"short admin token in the environment", nil,
			map[string]string{"MUSTEREK_ADMIN_TOKEN": "123456789012345"},
			"server: admin token must be at least 16 characters"},
		{"admin token of spaces", nil,
			map[string]string{"MUSTEREK_ADMIN_TOKEN": strings.Repeat(" ", 20)},
			"server: admin token must be printable ASCII without spaces"},
		{"admin token with a line break", []string{"-admin-token",
			"0123456789abcdef\n0123"}, nil,
			"server: admin token must be printable ASCII without spaces"},
		{"unknown log format", []string{"-log-format", "xml"}, nil,
			`server: log format "xml" is neither text nor json`},
		{"bad log level in the environment", nil,
			map[string]string{"MUSTEREK_LOG_LEVEL": "loud"},
			`server: MUSTEREK_LOG_LEVEL: `},
		{"bad size", []string{"-max-body", "1GB"}, nil,
			`-max-body: not a size such as 1048576, 512KiB or 1MiB`},
		{"zero size", []string{"-max-body", "0"}, nil,
			"server: max body must be positive"},
		{"negative auth failure rate", []string{"-auth-failure-rate", "-1"}, nil,
			"server: auth failure rate must not be negative"},
		{"no auth failure burst", nil, map[string]string{"MUSTEREK_AUTH_FAILURE_BURST": "0"},
			"server: auth failure burst must be at least 1"},
		{"negative connections", []string{"-db-conns", "-1"}, nil,
			"server: database connections must not be negative"},
		{"stray argument", []string{"serve"}, nil,
			`server: unexpected argument "serve"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			_, err := parseConfig(tt.args, getenv, &bytes.Buffer{})
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestHelpListsEnvironmentVariables(t *testing.T) {
	var out bytes.Buffer
	_, err := parseConfig([]string{"-h"}, func(string) string { return "" }, &out)
	require.True(t, errors.Is(err, flag.ErrHelp))

	for _, name := range []string{
		"-addr", "MUSTEREK_ADDR", "-db", "MUSTEREK_DB",
		"-admin-token", "MUSTEREK_ADMIN_TOKEN", "-log-level", "MUSTEREK_LOG_LEVEL",
		"-log-format", "MUSTEREK_LOG_FORMAT", "-max-body", "MUSTEREK_MAX_BODY",
		"-import", "MUSTEREK_IMPORT", "-no-demo", "MUSTEREK_NO_DEMO",
		"-write-rate", "MUSTEREK_WRITE_RATE", "-write-burst", "MUSTEREK_WRITE_BURST",
		"-auth-failure-rate", "MUSTEREK_AUTH_FAILURE_RATE",
		"-auth-failure-burst", "MUSTEREK_AUTH_FAILURE_BURST",
	} {
		assert.Contains(t, out.String(), name)
	}
	assert.Contains(t, out.String(), "(default 1MiB)")
}
