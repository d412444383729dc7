package compare

import "fmt"

func errorf(format string, a ...any) error { return fmt.Errorf("compare: "+format, a...) }
