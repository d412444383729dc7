package event

import (
	"fmt"
	"strings"

	"marsad/internal/text/normalize"
)

// Morphology: a trigger verb of triggers.tsv is also an event when it is
// written as its verbal noun (masdar) or as a circumstantial participle
// (اتفق → اتفاق، هاجم → مهاجمة/مهاجما، حمّل → تحميل/محملا). Word lists
// written by hand miss most of these forms on unseen text, so
// data/roots.tsv gives each verb's root and verb form (I–X) and the
// patterns of its derived words are generated here from the standard
// patterns of Modern Standard Arabic morphology (Wright, A Grammar of the
// Arabic Language, vol. I §§36–62, §§195–222; Ryding, A Reference Grammar
// of Modern Standard Arabic, ch. 19–22), in the unvocalized search form
// (no shadda, so فعّل and فعل look alike).

// verbForms are the written forms of one verb: the perfect and imperfect
// stems (3rd person masculine singular; the matcher adds the person
// suffixes), the regular verbal nouns and the active participle.
type verbForms struct {
	perfect, imperfect string
	masdars            []string
	participle         string
}

// derive builds the written forms of the verb of root (three letters) in
// form 1–10. A form I verbal noun is not predictable and must be given
// (masdar); for the other forms a given masdar replaces the regular one.
func derive(root string, form int, masdar string) (verbForms, error) {
	r := []rune(normalize.Search(root))
	if len(r) != 3 {
		return verbForms{}, fmt.Errorf("root %q: want three letters", root)
	}
	c1, c2, c3 := string(r[0]), string(r[1]), string(r[2])
	weak := func(s string) bool { return s == "و" || s == "ي" }
	hollow := weak(c2) && form != 2 && form != 3 && form != 5 && form != 6
	defective := weak(c3)
	doubled := c2 == c3
	assimilated := c1 == "و"
	var v verbForms
	// last gives the stem end for a defective root: the perfect and
	// imperfect end in ي (ى in writing: التقى، يلتقي; form I دعا/يدعو
	// keeps its و).
	switch form {
	case 1:
		switch {
		case hollow:
			v.perfect, v.imperfect = c1+"ا"+c3, "ي"+c1+c2+c3
		case defective && c3 == "و":
			v.perfect, v.imperfect = c1+c2+"ا", "ي"+c1+c2+"و"
			v.participle = c1 + "ا" + c2 + "ي"
		case defective:
			v.perfect, v.imperfect = c1+c2+"ي", "ي"+c1+c2+"ي"
			v.participle = c1 + "ا" + c2 + "ي"
		case doubled:
			v.perfect, v.imperfect = c1+c2, "ي"+c1+c2
		case assimilated:
			v.perfect, v.imperfect = c1+c2+c3, "ي"+c2+c3
			v.participle = c1 + "ا" + c2 + c3
		default:
			v.perfect, v.imperfect = c1+c2+c3, "ي"+c1+c2+c3
			v.participle = c1 + "ا" + c2 + c3
		}
		if masdar == "" {
			return v, fmt.Errorf("root %q form I: the verbal noun must be given", root)
		}
	case 2:
		stem := c1 + c2 + c3
		v.perfect, v.imperfect, v.participle = stem, "ي"+stem, "م"+stem
		if c1 == "ا" || c1 == "ء" {
			v.imperfect = "يؤ" + c2 + c3 // أيّد، يؤيد
		}
		v.masdars = []string{"ت" + c1 + c2 + "ي" + c3}
		if defective {
			v.perfect, v.imperfect, v.participle = c1+c2+"ي", "ي"+c1+c2+"ي", "م"+c1+c2+"ي"
			v.masdars = []string{"ت" + c1 + c2 + "يه"}
		}
	case 3:
		stem := c1 + "ا" + c2 + c3
		v.perfect, v.imperfect, v.participle = stem, "ي"+stem, "م"+stem
		v.masdars = []string{"م" + stem + "ه", c1 + c2 + "ا" + c3}
		if defective {
			stem = c1 + "ا" + c2 + "ي"
			v.perfect, v.imperfect, v.participle = stem, "ي"+stem, "م"+stem
			v.masdars = []string{"م" + c1 + "ا" + c2 + "اه"}
		}
	case 4:
		switch {
		case hollow:
			v.perfect, v.imperfect, v.participle = "ا"+c1+"ا"+c3, "ي"+c1+"ي"+c3, "م"+c1+"ي"+c3
			v.masdars = []string{"ا" + c1 + "ا" + c3 + "ه"}
		case defective:
			v.perfect, v.imperfect, v.participle = "ا"+c1+c2+"ي", "ي"+c1+c2+"ي", "م"+c1+c2+"ي"
			v.masdars = []string{"ا" + c1 + c2 + "اء"}
		case doubled:
			v.perfect, v.imperfect, v.participle = "ا"+c1+c2, "ي"+c1+c2, "م"+c1+c2
			v.masdars = []string{"ا" + c1 + c2 + "ا" + c3}
		case assimilated:
			v.perfect, v.imperfect, v.participle = "او"+c2+c3, "يو"+c2+c3, "مو"+c2+c3
			v.masdars = []string{"اي" + c2 + "ا" + c3}
		default:
			v.perfect, v.imperfect, v.participle = "ا"+c1+c2+c3, "ي"+c1+c2+c3, "م"+c1+c2+c3
			v.masdars = []string{"ا" + c1 + c2 + "ا" + c3}
		}
	case 5:
		stem := "ت" + c1 + c2 + c3
		if defective {
			stem = "ت" + c1 + c2 + "ي"
		}
		v.perfect, v.imperfect, v.participle = stem, "ي"+stem, "م"+stem
		v.masdars = []string{stem}
	case 6:
		stem := "ت" + c1 + "ا" + c2 + c3
		if defective {
			stem = "ت" + c1 + "ا" + c2 + "ي"
		}
		v.perfect, v.imperfect, v.participle = stem, "ي"+stem, "م"+stem
		v.masdars = []string{stem}
	case 7:
		switch {
		case hollow:
			v.perfect, v.imperfect, v.participle = "ان"+c1+"ا"+c3, "ين"+c1+"ا"+c3, "من"+c1+"ا"+c3
			v.masdars = []string{"ان" + c1 + "يا" + c3}
		case doubled:
			v.perfect, v.imperfect, v.participle = "ان"+c1+c2, "ين"+c1+c2, "من"+c1+c2
			v.masdars = []string{"ان" + c1 + c2 + "ا" + c3}
		default:
			v.perfect, v.imperfect, v.participle = "ان"+c1+c2+c3, "ين"+c1+c2+c3, "من"+c1+c2+c3
			v.masdars = []string{"ان" + c1 + c2 + "ا" + c3}
		}
	case 8:
		// The infix ت assimilates: to ط after an emphatic (اضطر، اصطدم),
		// to د after د ذ ز (ازدهر); و as first radical merges with it
		// (وفق → اتّفق).
		t := "ت"
		switch c1 {
		case "ص", "ض", "ط", "ظ":
			t = "ط"
		case "د", "ذ", "ز":
			t = "د"
		}
		head := c1 + t
		if assimilated {
			head = t
		}
		switch {
		case hollow:
			v.perfect, v.imperfect, v.participle = "ا"+head+"ا"+c3, "ي"+head+"ا"+c3, "م"+head+"ا"+c3
			v.masdars = []string{"ا" + head + "يا" + c3}
		case defective:
			v.perfect, v.imperfect, v.participle = "ا"+head+c2+"ي", "ي"+head+c2+"ي", "م"+head+c2+"ي"
			v.masdars = []string{"ا" + head + c2 + "اء"}
		case doubled:
			v.perfect, v.imperfect, v.participle = "ا"+head+c2, "ي"+head+c2, "م"+head+c2
			v.masdars = []string{"ا" + head + c2 + "ا" + c3}
		default:
			v.perfect, v.imperfect, v.participle = "ا"+head+c2+c3, "ي"+head+c2+c3, "م"+head+c2+c3
			v.masdars = []string{"ا" + head + c2 + "ا" + c3}
		}
	case 10:
		switch {
		case hollow:
			v.perfect, v.imperfect, v.participle = "است"+c1+"ا"+c3, "يست"+c1+"ي"+c3, "مست"+c1+"ي"+c3
			v.masdars = []string{"است" + c1 + "ا" + c3 + "ه"}
		case defective:
			v.perfect, v.imperfect, v.participle = "است"+c1+c2+"ي", "يست"+c1+c2+"ي", "مست"+c1+c2+"ي"
			v.masdars = []string{"است" + c1 + c2 + "اء"}
		case doubled:
			v.perfect, v.imperfect, v.participle = "است"+c1+c2, "يست"+c1+c2, "مست"+c1+c2
			v.masdars = []string{"است" + c1 + c2 + "ا" + c3}
		default:
			v.perfect, v.imperfect, v.participle = "است"+c1+c2+c3, "يست"+c1+c2+c3, "مست"+c1+c2+c3
			v.masdars = []string{"است" + c1 + c2 + "ا" + c3}
		}
	default:
		return v, fmt.Errorf("root %q: verb form %d not covered (I–VIII, X)", root, form)
	}
	if masdar != "" {
		v.masdars = strings.Split(normalize.Search(masdar), "|")
	}
	return v, nil
}

// romanForms reads a verb form written I–X.
var romanForms = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "X": 10}

// rootEntry is one line of data/roots.tsv.
type rootEntry struct {
	typ, code     string
	line          int    // line in roots.tsv
	verbLine      int    // the line of triggers.tsv the verb comes from
	source        string // that line's source (UP, own, SNN)
	root          string
	form          int
	masdarPOS     string // part of speech of the verbal noun pattern: n or o
	frame, mframe string // what must follow the verb; the noun and participle
	derive        string // v verb forms, n verbal noun, h circumstantial participle
	masdar        string
}

// generated returns the trigger patterns (part of speech, pattern text in
// the syntax of triggers.tsv) derived from one roots.tsv entry.
func (e rootEntry) generated() ([][2]string, error) {
	v, err := derive(e.root, e.form, e.masdar)
	if err != nil {
		return nil, err
	}
	tail := func(f string) string {
		if f == "-" {
			return ""
		}
		return " " + f
	}
	var out [][2]string
	if strings.Contains(e.derive, "v") {
		fem := "ت" + strings.TrimPrefix(v.imperfect, "ي")
		out = append(out, [2]string{"v", v.perfect + "+|" + v.imperfect + "+|" + fem + tail(e.frame)})
	}
	if strings.Contains(e.derive, "n") {
		var alts []string
		for _, m := range v.masdars {
			alts = append(alts, m+"+")
		}
		out = append(out, [2]string{e.masdarPOS, strings.Join(alts, "|") + tail(e.mframe)})
	}
	if strings.Contains(e.derive, "h") && v.participle != "" {
		// The circumstantial participle is accusative: مثمنا، مطالبا
		// (singular), مطالبين (plural).
		out = append(out, [2]string{"h", v.participle + "ا|" + v.participle + "ين" + tail(e.mframe)})
	}
	return out, nil
}
