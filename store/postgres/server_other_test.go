//go:build !linux

package postgres

import (
	"errors"
	"os"
	"os/exec"
)

type osUser = struct{}

// serverUser: outside Linux the tests start a server only as a non-root
// user; as root, set MARSAD_TEST_POSTGRES.
func serverUser(string) (osUser, error) {
	if os.Geteuid() == 0 {
		return osUser{}, errors.New("cannot start a test server as root on this system; set MARSAD_TEST_POSTGRES")
	}
	return osUser{}, nil
}

func setUser(*exec.Cmd, osUser, bool) {}
