package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// jsonContentType is the media type of every JSON answer.
const jsonContentType = "application/json; charset=utf-8"

// writeJSON answers with v as JSON and the status. It encodes v before it
// writes anything, so that an encoding failure can still be answered with
// an error; a failure to write, when the client has gone, is not reported.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Errorf("server: encode answer: %w", err)
	}

	w.Header().Set("Content-Type", jsonContentType)
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
	return nil
}
