package kb

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// ParseMO reads a GNU gettext binary catalog (.mo), as Debian's iso-codes
// ships its translations (/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo),
// and returns msgid → msgstr. Plural forms keep their first form; entries
// with a context (ctx\x04msgid) are keyed by msgid alone.
//
// Format: a 28-byte header (magic 0x950412de in the file's byte order,
// revision, count N, offset of the original-strings table, offset of the
// translations table), then two tables of N (length, offset) pairs.
func ParseMO(b []byte) (map[string]string, error) {
	if len(b) < 28 {
		return nil, errors.New("mo: file too short")
	}
	var bo binary.ByteOrder
	switch {
	case binary.LittleEndian.Uint32(b) == 0x950412de:
		bo = binary.LittleEndian
	case binary.BigEndian.Uint32(b) == 0x950412de:
		bo = binary.BigEndian
	default:
		return nil, errors.New("mo: bad magic number")
	}
	if rev := bo.Uint32(b[4:]) >> 16; rev > 1 {
		return nil, fmt.Errorf("mo: unsupported major revision %d", rev)
	}
	n := int(bo.Uint32(b[8:]))
	origTab := int(bo.Uint32(b[12:]))
	transTab := int(bo.Uint32(b[16:]))
	if n < 0 || n > len(b)/8 {
		return nil, fmt.Errorf("mo: implausible string count %d", n)
	}
	str := func(tab, i int) (string, error) {
		p := tab + 8*i
		if tab < 0 || p < 0 || p+8 > len(b) {
			return "", fmt.Errorf("mo: table entry %d out of range", i)
		}
		l, off := int(bo.Uint32(b[p:])), int(bo.Uint32(b[p+4:]))
		if l < 0 || off < 0 || off > len(b) || l > len(b)-off {
			return "", fmt.Errorf("mo: string %d out of range", i)
		}
		return string(b[off : off+l]), nil
	}
	out := make(map[string]string, n)
	for i := 0; i < n; i++ {
		id, err := str(origTab, i)
		if err != nil {
			return nil, err
		}
		tr, err := str(transTab, i)
		if err != nil {
			return nil, err
		}
		if j := strings.IndexByte(id, 4); j >= 0 { // context
			id = id[j+1:]
		}
		if j := strings.IndexByte(id, 0); j >= 0 { // plural
			id = id[:j]
		}
		if j := strings.IndexByte(tr, 0); j >= 0 {
			tr = tr[:j]
		}
		if id == "" || tr == "" { // the catalog header, untranslated entries
			continue
		}
		out[id] = tr
	}
	return out, nil
}
