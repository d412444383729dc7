package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"marsad"
	"marsad/store/storetest"
)

func open(t *testing.T) marsad.Store {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Add(ctx, storetest.Record("a1", "s1", "نص")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path) // migrations must not re-run
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if _, err := db.Get(ctx, "a1"); err != nil {
		t.Fatalf("after reopen: %v", err)
	}
	var mode string
	db.r.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
}

func TestOpenBadPath(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Open(context.Background(), filepath.Join(f, "m.db")); err == nil {
		t.Error("Open under a regular file succeeded")
	}
	if _, err := Open(context.Background(), ""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
	notDB := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(notDB, []byte("this is not a database, it is junk text long enough to matter............................................................................"), 0o644)
	if _, err := Open(context.Background(), notDB); err == nil {
		t.Error("Open on a junk file succeeded")
	}
}

// TestKillMidIngest kills a process that is adding articles as fast as it can
// and checks that every stored article is whole: its JSON and all its
// annotation rows are there, and its story counts it.
func TestKillMidIngest(t *testing.T) {
	if path := os.Getenv("MARSAD_KILL_CHILD"); path != "" {
		db, err := Open(context.Background(), path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for i := 0; ; i++ {
			if err := db.Add(context.Background(), storetest.Record(fmt.Sprintf("k%d", i), fmt.Sprintf("s%d", i%7), "نص طويل بما يكفي")); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidIngest$")
	cmd.Env = append(os.Environ(), "MARSAD_KILL_CHILD="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()

	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	var n, storyTotal int
	db.r.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n)
	db.r.QueryRow(`SELECT COALESCE(SUM(articles), 0) FROM stories`).Scan(&storyTotal)
	if n == 0 {
		t.Fatal("child stored nothing before it was killed")
	}
	if storyTotal != n {
		t.Errorf("stories count %d articles, table has %d", storyTotal, n)
	}
	for _, table := range []string{"mentions", "quotes", "times", "events"} {
		var orphans, missing int
		db.r.QueryRow(`SELECT COUNT(*) FROM ` + table + ` WHERE article NOT IN (SELECT id FROM articles)`).Scan(&orphans)
		db.r.QueryRow(`SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article FROM ` + table + `)`).Scan(&missing)
		if orphans != 0 || missing != 0 {
			t.Errorf("%s: %d rows without article, %d articles without rows", table, orphans, missing)
		}
	}
	t.Logf("%d whole articles survived the kill", n)
}

func TestAddBatch(t *testing.T) {
	ctx := context.Background()
	db := open(t).(*DB)
	defer db.Close()
	if err := db.Add(ctx, storetest.Record("old", "s1", "نص")); err != nil {
		t.Fatal(err)
	}
	bad := storetest.Record("bad", "s1", "نص")
	bad.Article.Quotes[0].End = 1 << 20
	dup := storetest.Record("dup", "s1", "نص")
	dup.Hash = "hash-old"
	recs := []*marsad.Record{storetest.Record("b1", "s1", "نص"), dup, bad, storetest.Record("b2", "s2", "نص"), storetest.Record("b1", "s3", "نص")}
	errs := db.AddBatch(ctx, recs)
	want := []error{nil, marsad.ErrDuplicate, marsad.ErrInvalid, nil, marsad.ErrDuplicate}
	for i := range recs {
		if (want[i] == nil) != (errs[i] == nil) || (want[i] != nil && !errors.Is(errs[i], want[i])) {
			t.Errorf("record %d: err %v, want %v", i, errs[i], want[i])
		}
	}
	var n, rows int
	db.r.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n)
	db.r.QueryRow(`SELECT COUNT(*) FROM mentions`).Scan(&rows)
	if n != 3 || rows != 3 {
		t.Errorf("%d articles with %d mentions stored, want 3 and 3 (failed records undone whole)", n, rows)
	}
	if recs[0].Added.IsZero() || !recs[1].Added.IsZero() {
		t.Error("Added set wrongly")
	}
}
