package cli

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"marsad/internal/api"
	"marsad/internal/pipeline"
	"marsad/internal/web"
	"marsad/store"
)

// cmdServe runs the HTTP JSON API (under /api/) and the web UI until ctx
// is cancelled (SIGINT/SIGTERM in main), then shuts down gracefully.
func cmdServe(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	db := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("serve takes no arguments, got %q", fs.Args())
	}
	path := *db
	if path == "" {
		p, err := store.DefaultPath(e.Getenv)
		if err != nil {
			return err
		}
		path = p
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	st, err := api.Open(ctx, path, p)
	if err != nil {
		return err
	}
	defer st.Close()
	logger := log.New(e.Stderr, "marsad serve: ", log.LstdFlags)
	cfg := st.Config()
	cfg.Log = logger
	apiH, err := api.New(cfg)
	if err != nil {
		return err
	}
	webH, err := web.New(web.Config{Store: st.Store, Index: st.Index, Stories: st.Stories, Log: logger})
	if err != nil {
		return err
	}
	go st.SyncEvery(ctx, 30*time.Second, logger.Printf)
	mux := http.NewServeMux()
	mux.Handle("/api/", apiH)
	mux.Handle("/", webH)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", *addr, err)
	}
	fmt.Fprintf(e.Stderr, "marsad serve: http://%s/ (store %s)\n", ln.Addr(), path)
	return api.Serve(ctx, api.NewHTTPServer(*addr, mux), ln)
}
