package dataset

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
)

// NewsArticle is one SaudiNewsNet article (../shared/data/saudinewsnet:
// 31,030 articles from 14 Saudi outlets, July–August 2015, CC BY-NC-SA 4.0 —
// for evaluation and benchmarks only, never shipped).
type NewsArticle struct {
	ID            string `json:"id"`
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"`
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
}

// SaudiNewsNet reads up to limit articles (all when limit ≤ 0) in file order.
func SaudiNewsNet(limit int) ([]NewsArticle, error) {
	p, err := File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []NewsArticle
	for sc.Scan() {
		var a NewsArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, a)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, sc.Err()
}
