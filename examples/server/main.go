// Command server is the reference server of the Müşterek directory: a
// JSON API over the cso package, on SQLite or PostgreSQL.
//
//	go run ./examples/server -h
//
// lists its flags and the MUSTEREK_* environment variables that set them.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr, nil)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
