package ner

// Features are hashed, not interned: a feature is a template id and one or
// more strings, folded with 64-bit FNV-1a. Collisions among the few hundred
// thousand features kept are negligible at 64 bits, and hashing avoids
// building a string per feature on the hot path.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type fhash uint64

func newHash(tmpl byte) fhash {
	return (fnvOffset ^ fhash(tmpl)) * fnvPrime
}

func (h fhash) str(s string) fhash {
	for i := 0; i < len(s); i++ {
		h = (h ^ fhash(s[i])) * fnvPrime
	}
	return h
}

// sep separates two strings so (ab, c) and (a, bc) differ.
func (h fhash) sep() fhash { return (h ^ 0xff) * fnvPrime }

func (h fhash) num(n int) fhash {
	return (h ^ fhash(uint64(n)&0xff) ^ fhash(uint64(n)>>8)<<8) * fnvPrime
}
