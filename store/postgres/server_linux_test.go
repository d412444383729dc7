package postgres

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"syscall"
)

// osUser is who the test server runs as: nil for the current user.
type osUser = *syscall.Credential

// serverUser picks the user the cluster belongs to and gives it dir. Only
// root needs one (initdb and postgres refuse to run as root): the postgres
// user the Debian package creates, or nobody.
func serverUser(dir string) (osUser, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	var u *user.User
	var err error
	for _, name := range []string{"postgres", "nobody"} {
		if u, err = user.Lookup(name); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("running as root and no unprivileged user to run PostgreSQL as: %w", err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("user %s: uid %q gid %q", u.Username, u.Uid, u.Gid)
	}
	if err := os.Chown(dir, int(uid), int(gid)); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// setUser makes cmd run as u; with dieWithParent the kernel sends it
// SIGQUIT (PostgreSQL's immediate shutdown) if the test process dies
// before stopping it, so a killed test leaves no server behind.
func setUser(cmd *exec.Cmd, u osUser, dieWithParent bool) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: u}
	if dieWithParent {
		cmd.SysProcAttr.Pdeathsig = syscall.SIGQUIT
	}
}
