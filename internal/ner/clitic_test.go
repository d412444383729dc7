package ner

import (
	"reflect"
	"testing"
)

func TestStems(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"وبوتين", []string{"بوتين", "وتين"}},
		{"للاتحاد", []string{"الاتحاد", "اتحاد"}},
		{"بالقاهره", []string{"القاهره", "قاهره"}},
		{"والمانيا", []string{"المانيا", "مانيا"}},
		{"لبنان", []string{"بنان"}},
		{"في", nil},
	}
	for _, tt := range tests {
		got := stems(nil, tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("stems(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := bare("وبالقاهره"); got != "قاهره" {
		t.Errorf("bare = %q", got)
	}
}
