package cluster

import (
	"math"
	"testing"
)

func TestBCubed(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
	cases := []struct {
		name    string
		pred    map[string]string
		p, r, f float64
	}{
		{"perfect", map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, 1, 1, 1},
		{"all singletons", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}, 1, (3*(1.0/3) + 2*0.5) / 5, 0},
		{"one cluster", map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"}, (3*0.6 + 2*0.4) / 5, 1, 0},
		{"missing items are singletons", map[string]string{"a": "x", "b": "x", "c": "x"}, 1, (3 + 2*0.5) / 5, 0},
	}
	for _, c := range cases {
		p, r, f := BCubed(gold, c.pred)
		if math.Abs(p-c.p) > 1e-9 || math.Abs(r-c.r) > 1e-9 {
			t.Errorf("%s: P=%.3f R=%.3f, want P=%.3f R=%.3f", c.name, p, r, c.p, c.r)
		}
		if c.f == 1 && f != 1 {
			t.Errorf("%s: F=%.3f", c.name, f)
		}
	}
	if p, r, f := BCubed(nil, nil); p != 0 || r != 0 || f != 0 {
		t.Error("empty gold")
	}
}
