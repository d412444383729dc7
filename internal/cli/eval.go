package cli

import (
	"context"

	"marsad/internal/event"
	"marsad/internal/pipeline"
)

// cmdEval scores one analysis stage on its annotated evaluation data; the
// first argument names the stage. Each stage's scorer lives with it.
func cmdEval(ctx context.Context, e *Env, args []string) error {
	if len(args) == 0 {
		return usageError("eval what? (ner, link, quotes, events, stories)")
	}
	switch args[0] {
	case "ner":
		return evalNER(ctx, e, args[1:])
	case "link":
		return cmdEvalLink(ctx, e, args[1:])
	case "quotes":
		return cmdEvalQuotes(ctx, e, args[1:])
	case "stories":
		return cmdEvalStories(ctx, e, args[1:])
	case "events":
		p, err := pipeline.Default()
		if err != nil {
			return err
		}
		return event.EvalCommand(ctx, e.Stdout, e.Stderr, args[1:], p.Analyze)
	}
	return usageError("unknown model %q (want ner, link, quotes, events or stories)", args[0])
}
