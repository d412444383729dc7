package event_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"marsad/internal/event"
	"marsad/internal/pipeline"
)

// TestEvalCommand runs `marsad eval events` as the lead will wire it: the
// report over every split and entity mode, printed in the test log.
func TestEvalCommand(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := event.EvalCommand(context.Background(), &out, &errb, nil, p.Analyze); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	t.Logf("\n%s", out.String())
	if os.Getenv("MARSAD_EVENT_PRINT") != "" {
		os.Stdout.Write(out.Bytes())
	}
}
