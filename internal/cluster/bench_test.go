package cluster

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

var (
	corpusOnce sync.Once
	corpus     []featured
)

// benchCorpus is how many SaudiNewsNet articles the synthetic stream is
// made of: its first days (≈2,000 articles a day), enough for real story
// structure while keeping setup short.
const benchCorpus = 6000

// realCorpus is the features of the first benchCorpus non-empty
// SaudiNewsNet articles, in publication order.
func realCorpus(b *testing.B) []featured {
	corpusOnce.Do(func() {
		arts, err := readSNN(nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			if a.Text == "" {
				continue
			}
			if len(corpus) == benchCorpus {
				break
			}
			corpus = append(corpus, featured{id: a.ID, f: Extract(a)})
		}
	})
	if len(corpus) == 0 {
		b.Fatal("no corpus")
	}
	return corpus
}

// synthetic returns article i of an endless stream made from the real
// corpus: pass k over the corpus is the real stream shifted k×span later, so
// the store grows with real articles at the real rate (≈1,700 a day) while
// pass k's stories never meet pass k-1's (they closed weeks before). With
// dense, every pass lands on the same days instead: all articles are open
// at once, the worst case for the index.
func synthetic(c []featured, i int, dense bool) (string, Features) {
	k, j := i/len(c), i%len(c)
	f := c[j].f
	if !dense {
		f.Time = f.Time.Add(time.Duration(k) * 30 * 24 * time.Hour)
	}
	return fmt.Sprintf("%s/%d", c[j].id, k), f
}

// BenchmarkAssign measures one assignment after the stream has grown to n
// articles. Feature extraction (tokenizing) is not included: see
// BenchmarkExtract.
func BenchmarkAssign(b *testing.B) {
	c := realCorpus(b)
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		for _, dense := range []bool{false, true} {
			if dense && size > 100_000 {
				continue
			}
			name := fmt.Sprintf("stored=%d/spread", size)
			if dense {
				name = fmt.Sprintf("stored=%d/dense", size)
			}
			b.Run(name, func(b *testing.B) {
				cl, err := New(DefaultOptions(), nil)
				if err != nil {
					b.Fatal(err)
				}
				for i := range size {
					id, f := synthetic(c, i, dense)
					cl.Assign(id, f)
				}
				b.ResetTimer()
				i := size
				cpu := cpuTime()
				for b.Loop() {
					id, f := synthetic(c, i, dense)
					cl.Assign(id, f)
					i++
				}
				reportCPU(b, cpu, i-size)
				b.ReportMetric(float64(cl.Open()), "open-stories")
			})
		}
	}
}

// BenchmarkExtract measures feature extraction (tokenizing, clitic
// segmentation, search normalization) of one real article.
func BenchmarkExtract(b *testing.B) {
	arts, err := readSNN(func(id string) bool { return id >= "snn-2015-08-02" && id < "snn-2015-08-02-0300" })
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		Extract(arts[i%len(arts)])
		i++
	}
}
