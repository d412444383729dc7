package ingest

import (
	"errors"
	"fmt"
)

// InputError is a problem with one input, named so that a user can find it:
// a file, a URL, "stdin", or "file.jsonl:12" for a line of a batch.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Input, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }

// Reasons an input is rejected. Callers test them with errors.Is.
var (
	ErrEmpty     = errors.New("empty input: no text")
	ErrBinary    = errors.New("binary data, not text")
	ErrTooLarge  = errors.New("input too large")
	ErrNoArticle = errors.New("no article text found in the page")
	ErrEncoding  = errors.New("invalid UTF-8")
)
