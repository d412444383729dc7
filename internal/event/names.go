package event

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/types.tsv
var typesData string

var typeNames = sync.OnceValue(func() map[string][2]string {
	m := map[string][2]string{}
	for _, line := range strings.Split(typesData, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) == 3 {
			m[f[0]] = [2]string{f[1], f[2]}
		}
	}
	return m
})

// TypeName is how reports name a PLOVER event type in Arabic (lang "ar")
// or English; an unknown type is returned as it is.
func TypeName(typ, lang string) string {
	return lookup(typ, typ, lang)
}

// ModeName names an event mode (asserted, negated, planned, hypothetical).
func ModeName(mode, lang string) string {
	return lookup("mode:"+mode, mode, lang)
}

func lookup(key, fallback, lang string) string {
	n, ok := typeNames()[key]
	if !ok {
		return fallback
	}
	if lang == "en" {
		return n[1]
	}
	return n[0]
}
