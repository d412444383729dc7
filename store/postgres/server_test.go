package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The tests run against a database named by MARSAD_TEST_POSTGRES (a DSN of
// a server where the tests may create and drop schemas) or, without it,
// against a throwaway server they start themselves from the PostgreSQL
// binaries on PATH or under /usr/lib/postgresql/*/bin (Debian's layout).
// Without either they skip, unless MARSAD_REQUIRE_POSTGRES=1 (as in CI),
// which makes a missing server a failure.

const installHint = "no PostgreSQL server binaries (initdb, postgres) found on PATH or in /usr/lib/postgresql/*/bin; " +
	"install them (Debian: apt-get install postgresql) or set MARSAD_TEST_POSTGRES to a DSN"

var errNoBinaries = errors.New(installHint)

var (
	serverOnce sync.Once
	server     *testServer
	serverErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if server != nil {
		if err := server.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "postgres test server:", err)
		}
	}
	os.Exit(code)
}

// adminDSN returns the DSN of a database in which tests may create schemas,
// starting the throwaway server on first use.
func adminDSN(tb testing.TB) string {
	tb.Helper()
	if dsn := os.Getenv("MARSAD_TEST_POSTGRES"); dsn != "" {
		return dsn
	}
	serverOnce.Do(func() { server, serverErr = startServer() })
	if serverErr != nil {
		if errors.Is(serverErr, errNoBinaries) && os.Getenv("MARSAD_REQUIRE_POSTGRES") != "1" {
			tb.Skip(serverErr)
		}
		tb.Fatalf("postgres test server: %v", serverErr)
	}
	return server.dsn
}

var schemaSeq atomic.Int64

// freshDSN creates an empty schema for one test and returns a DSN whose
// search_path selects it; the schema is dropped when the test ends. Schemas
// rather than databases: they cost milliseconds and need no CREATEDB right
// on a shared server.
func freshDSN(tb testing.TB) string {
	tb.Helper()
	admin := adminDSN(tb)
	schema := fmt.Sprintf("marsad_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			tb.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			tb.Error(err)
		}
	})
	// Tests need not wait for each commit to reach the disk (a crash of
	// the server is not what they test); benchmarks turn it back on.
	return withParam(withParam(admin, "search_path", schema), "synchronous_commit", "off")
}

// withParam adds a run-time parameter to a URL or keyword/value DSN.
func withParam(dsn, key, value string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
		q := u.Query()
		q.Set(key, value)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " " + key + "=" + value
}

// testServer is a PostgreSQL cluster in a temporary directory, listening
// only on a Unix socket in that directory.
type testServer struct {
	dir    string
	dsn    string
	cmd    *exec.Cmd
	exited chan struct{}
	log    string
}

// findBinaries returns the directory holding initdb and postgres.
func findBinaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	// Debian and Ubuntu keep the server binaries off PATH, one directory per
	// major version; take the newest.
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool {
		vi, vj := filepath.Base(filepath.Dir(filepath.Dir(found[i]))), filepath.Base(filepath.Dir(filepath.Dir(found[j])))
		if len(vi) != len(vj) {
			return len(vi) > len(vj)
		}
		return vi > vj
	})
	for _, p := range found {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	return "", errNoBinaries
}

func startServer() (*testServer, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	// As root the server runs as another user, who must be able to reach
	// the directory: /tmp is world-searchable where $TMPDIR may not be.
	parent := ""
	if os.Geteuid() == 0 {
		parent = "/tmp"
	}
	sweepStale(parent)
	dir, err := os.MkdirTemp(parent, "marsad-pg-")
	if err != nil {
		return nil, err
	}
	s := &testServer{dir: dir, log: filepath.Join(dir, "server.log")}
	// PostgreSQL refuses to run as root; as root, the cluster belongs to an
	// unprivileged user.
	cred, err := serverUser(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	// --no-sync: a throwaway cluster need not survive a power cut, and
	// syncing every file initdb writes takes seconds.
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--no-locale", "--no-sync")
	initdb.Dir = dir
	setUser(initdb, cred, false)
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	logf, err := os.Create(s.log)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	defer logf.Close()
	// No TCP listener: a socket in the private directory cannot collide
	// with another server or be reached by another user.
	s.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-k", dir, "-p", "5432",
		"-c", "listen_addresses=", "-c", "shared_buffers=32MB", "-c", "max_connections=50")
	s.cmd.Dir = dir
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	setUser(s.cmd, cred, true)
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s.exited = make(chan struct{})
	go func() { s.cmd.Wait(); close(s.exited) }()

	base := fmt.Sprintf("host=%s port=5432 user=postgres sslmode=disable", dir)
	ctx := context.Background()
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := pgx.Connect(ctx, base+" dbname=postgres")
		if err == nil {
			_, err = conn.Exec(ctx, `CREATE DATABASE marsad`)
			conn.Close(ctx)
			if err != nil {
				s.stop()
				return nil, err
			}
			break
		}
		select {
		case <-s.exited:
			out, _ := os.ReadFile(s.log)
			os.RemoveAll(dir)
			return nil, fmt.Errorf("postgres exited at start:\n%s", out)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(s.log)
			s.stop()
			return nil, fmt.Errorf("postgres not ready after 30 s: %v\n%s", err, out)
		}
	}
	s.dsn = base + " dbname=marsad"
	return s, nil
}

// sweepStale removes the directories of earlier test servers whose test
// process died without stopping them (a panic, a go test timeout, a kill):
// the kernel stopped the server (see setUser), but nobody removed its
// cluster. A directory still in use has a postmaster.pid or is fresh.
func sweepStale(parent string) {
	if parent == "" {
		parent = os.TempDir()
	}
	dirs, _ := filepath.Glob(filepath.Join(parent, "marsad-pg-*"))
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || !fi.IsDir() || time.Since(fi.ModTime()) < time.Hour {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "data", "postmaster.pid")); errors.Is(err, os.ErrNotExist) {
			os.RemoveAll(d)
		}
	}
}

// stop shuts the server down (SIGINT is PostgreSQL's fast shutdown:
// disconnect clients, checkpoint, exit) and removes its directory.
func (s *testServer) stop() error {
	defer os.RemoveAll(s.dir)
	select {
	case <-s.exited:
		return nil
	default:
	}
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
		return nil
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
		return errors.New("did not stop within 15 s; killed")
	}
}
