// Package dataset finds the project's annotated data, ../shared/data beside
// the checkout (DESIGN.md). The data is read at training and evaluation time
// only; nothing from it is committed or embedded except derived models.
package dataset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Dir returns the directory of the named dataset (e.g. "anercorp-camel").
// MARSAD_DATA overrides the location of the data root; otherwise the
// directories above the working directory are searched for shared/data.
func Dir(name string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	d := filepath.Join(root, name)
	if _, err := os.Stat(d); err != nil {
		return "", fmt.Errorf("dataset %s: %w", name, err)
	}
	return d, nil
}

// Root returns the data root.
func Root() (string, error) {
	if d := os.Getenv("MARSAD_DATA"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		d := filepath.Join(dir, "shared", "data")
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, nil
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return "", errors.New("shared/data not found above the working directory; set MARSAD_DATA")
}

// File returns the path of a file inside the named dataset.
func File(name, file string) (string, error) {
	d, err := Dir(name)
	if err != nil {
		return "", err
	}
	return filepath.Join(d, file), nil
}
