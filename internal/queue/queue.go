// Package queue fans ingestion out over NATS JetStream, for when one
// machine no longer keeps up: producers publish the articles they read,
// any number of analysis workers on any machines take them from one
// shared durable consumer, analyse them and publish the result, and one
// writer stores the analysed articles and assigns their stories.
//
// The writer is one process on purpose: story assignment compares each
// article with the stories before it, in arrival order, so it is
// sequential by nature; it is also cheap (well under a millisecond an
// article) next to analysis, which is what fans out. Every step
// acknowledges a message only after its work is durable (published or
// committed), so a killed worker or writer loses nothing: JetStream
// redelivers what was not acknowledged. Publishing is idempotent: a
// message carries the article's content id, and the stream drops a repeat
// within its duplicate window; the store skips stored articles anyway.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"marsad"
)

// The stream, its subjects and its durable consumers.
const (
	Stream          = "MARSAD"
	SubjectArticles = "marsad.articles" // raw articles, as read
	SubjectAnalysed = "marsad.analysed" // analysed articles, ready to store
	Analysers       = "analysers"       // the shared consumer of SubjectArticles
	Writer          = "writer"          // the consumer of SubjectAnalysed
)

// MaxDeliver is how many times a message is tried before it is given up:
// an article that makes analysis fail again and again must not block the
// queue.
const MaxDeliver = 5

// AckWait is how long a worker may hold a message before JetStream gives it
// to another: far above the few milliseconds an article takes.
const AckWait = time.Minute

// SeenBucket is the key-value bucket where producers that poll (`marsad
// watch --queue`) record the pages they have published. Without it a
// restarted watcher has no store to ask and would fetch and publish every
// item of every feed again, far outside the stream's duplicate window, for
// the workers to analyse again.
const SeenBucket = "marsad_seen"

// SeenTTL is how long a page stays known: far longer than any feed keeps
// an item.
const SeenTTL = 90 * 24 * time.Hour

// Queue is a connection to the stream.
type Queue struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	mu   sync.Mutex         // guards seen: producers poll feeds in parallel
	seen jetstream.KeyValue // nil until Seen or MarkSeen first needs it
}

// Connect connects to the NATS server at url and creates or updates the
// stream (file storage, a two-minute duplicate window).
func Connect(ctx context.Context, url string) (*Queue, error) {
	nc, err := nats.Connect(url, nats.Name("marsad"), nats.Timeout(10*time.Second))
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", url, err)
	}
	_, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       Stream,
		Subjects:   []string{SubjectArticles, SubjectAnalysed},
		Storage:    jetstream.FileStorage,
		Duplicates: 2 * time.Minute,
		// A message is deleted once its consumer acknowledges it; the
		// two consumers filter disjoint subjects, as that requires.
		Retention: jetstream.WorkQueuePolicy,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: stream %s: %w", url, Stream, err)
	}
	return &Queue{nc: nc, js: js}, nil
}

// Seen says whether a producer already published the page at link.
func (q *Queue) Seen(ctx context.Context, link string) (bool, error) {
	kv, err := q.seenBucket(ctx)
	if err != nil {
		return false, err
	}
	_, err = kv.Get(ctx, seenKey(link))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, jetstream.ErrKeyNotFound):
		return false, nil
	default:
		return false, fmt.Errorf("bucket %s: %s: %w", SeenBucket, link, err)
	}
}

// MarkSeen records that the page at link was published.
func (q *Queue) MarkSeen(ctx context.Context, link string) error {
	kv, err := q.seenBucket(ctx)
	if err != nil {
		return err
	}
	if _, err := kv.Put(ctx, seenKey(link), []byte(link)); err != nil {
		return fmt.Errorf("bucket %s: %s: %w", SeenBucket, link, err)
	}
	return nil
}

func (q *Queue) seenBucket(ctx context.Context) (jetstream.KeyValue, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.seen != nil {
		return q.seen, nil
	}
	kv, err := q.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:  SeenBucket,
		TTL:     SeenTTL,
		Storage: jetstream.FileStorage,
	})
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", SeenBucket, err)
	}
	q.seen = kv
	return kv, nil
}

// seenKey is a link as a key: keys allow only a few ASCII characters, and
// URLs carry anything.
func seenKey(link string) string {
	h := sha256.Sum256([]byte(link))
	return hex.EncodeToString(h[:16])
}

// Close drains the connection.
func (q *Queue) Close() error { return q.nc.Drain() }

// Publish puts a raw article on the queue for analysis. Its ID (the
// content id ingest gives it) makes a repeat within the duplicate window a
// no-op.
func (q *Queue) Publish(ctx context.Context, a *marsad.Article) error {
	return q.publish(ctx, SubjectArticles, a)
}

func (q *Queue) publish(ctx context.Context, subject string, a *marsad.Article) error {
	b, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	if max := q.nc.MaxPayload(); int64(len(b)) > max {
		return fmt.Errorf("article %s: %d bytes, more than the server's max_payload of %d", a.ID, len(b), max)
	}
	if _, err := q.js.Publish(ctx, subject, b, jetstream.WithMsgID(subject+":"+a.ID)); err != nil {
		return fmt.Errorf("article %s: publish to %s: %w", a.ID, subject, err)
	}
	return nil
}

// Analyzer annotates an article (the pipeline).
type Analyzer interface {
	Analyze(ctx context.Context, a *marsad.Article) error
}

// Report is told what happened to each message a loop handled: the
// article (nil when the message was not one) and the error, if any.
type Report func(a *marsad.Article, err error)

// Analyse takes raw articles from the shared consumer, analyses each and
// publishes it for the writer, until ctx ends. Run it in as many processes
// as there are cores to spare: JetStream gives each message to one of
// them.
func (q *Queue) Analyse(ctx context.Context, an Analyzer, report Report) error {
	return q.consume(ctx, Analysers, SubjectArticles, 1, decodeRaw, func(arts []*marsad.Article) []error {
		errs := make([]error, len(arts))
		for i, a := range arts {
			if errs[i] = analyse(ctx, an, a); errs[i] == nil {
				errs[i] = q.publish(ctx, SubjectAnalysed, a)
			}
		}
		return errs
	}, report)
}

// analyse runs the analyzer on one article; a panic is this article's
// error, not the end of the worker (the message is tried again, then
// given up).
func analyse(ctx context.Context, an Analyzer, a *marsad.Article) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analysis failed: %v", r)
		}
	}()
	return an.Analyze(ctx, a)
}

// MaxText bounds the text of a queued article, as ingest bounds a
// document.
const MaxText = 16 << 20

// decodeRaw reads a raw article from a message. The producer is another
// process, perhaps of another version: of what it sends only the text and
// its metadata are taken, the text must be what ingest makes (valid UTF-8,
// not empty, within MaxText), paragraphs must lie in it, and annotations
// are dropped — analysis makes them.
func decodeRaw(b []byte) (*marsad.Article, error) {
	a, err := decode(b)
	if err != nil {
		return nil, err
	}
	switch {
	case a.Text == "":
		return nil, fmt.Errorf("article %s: empty text", a.ID)
	case len(a.Text) > MaxText:
		return nil, fmt.Errorf("article %s: text of %d bytes, more than %d", a.ID, len(a.Text), MaxText)
	case !utf8.ValidString(a.Text):
		return nil, fmt.Errorf("article %s: text is not valid UTF-8", a.ID)
	}
	a.Sentences, a.Entities, a.Quotes, a.Times, a.Events = []marsad.Span{}, []marsad.Entity{}, []marsad.Quote{}, []marsad.TimeExpr{}, []marsad.Event{}
	if err := a.CheckSpans(); err != nil {
		return nil, err
	}
	return a, nil
}

// decodeAnalysed reads an analysed article; its spans must hold, since the
// store keeps them as they are.
func decodeAnalysed(b []byte) (*marsad.Article, error) {
	a, err := decode(b)
	if err != nil {
		return nil, err
	}
	if !utf8.ValidString(a.Text) || len(a.Text) > MaxText {
		return nil, fmt.Errorf("article %s: text is not valid UTF-8 or too long", a.ID)
	}
	if err := a.CheckSpans(); err != nil {
		return nil, err
	}
	return a, nil
}

func decode(b []byte) (*marsad.Article, error) {
	a := marsad.NewArticle()
	if err := json.Unmarshal(b, a); err != nil {
		return nil, err
	}
	if a.ID == "" {
		return nil, errors.New("no article id")
	}
	return a, nil
}

// WriteBatch is how many analysed articles the writer commits at once.
const WriteBatch = 64

// Write takes analysed articles and hands them to add in batches (one
// transaction each), acknowledging each message once its batch is
// committed, until ctx ends. Run exactly one writer per store.
func (q *Queue) Write(ctx context.Context, add func(ctx context.Context, arts []*marsad.Article) []error, report Report) error {
	return q.consume(ctx, Writer, SubjectAnalysed, WriteBatch, decodeAnalysed, func(arts []*marsad.Article) []error { return add(ctx, arts) }, report)
}

// consume runs the loop of one durable consumer: fetch up to batch
// messages, decode and check them, hand the articles to work, and acknowledge each
// message by its outcome: done → Ack; failed → Nak (tried again later, at
// most MaxDeliver times); not an article → Term (never again).
func (q *Queue) consume(ctx context.Context, durable, subject string, batch int,
	decode func([]byte) (*marsad.Article, error), work func([]*marsad.Article) []error, report Report) error {
	cons, err := q.js.CreateOrUpdateConsumer(ctx, Stream, jetstream.ConsumerConfig{
		Durable:       durable,
		FilterSubject: subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       AckWait,
		MaxDeliver:    MaxDeliver,
	})
	if err != nil {
		return fmt.Errorf("consumer %s: %w", durable, err)
	}
	for ctx.Err() == nil {
		msgs, err := cons.Fetch(batch, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fmt.Errorf("consumer %s: %w", durable, err)
		}
		var arts []*marsad.Article
		var held []jetstream.Msg
		for m := range msgs.Messages() {
			a, err := decode(m.Data())
			if err != nil {
				// Trying again cannot help: the message is what it is.
				report(nil, fmt.Errorf("%s: message %s is not an article: %v", durable, msgID(m), err))
				m.Term()
				continue
			}
			arts = append(arts, a)
			held = append(held, m)
		}
		if err := msgs.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
			report(nil, fmt.Errorf("%s: fetch: %w", durable, err))
		}
		if len(arts) == 0 {
			continue
		}
		errs := work(arts)
		for i, m := range held {
			if errs[i] != nil {
				if ctx.Err() != nil {
					m.Nak() // stopped, not failed: someone else takes it
					continue
				}
				if md, err := m.Metadata(); err == nil && md.NumDelivered >= MaxDeliver {
					report(arts[i], fmt.Errorf("given up after %d tries: %w", md.NumDelivered, errs[i]))
					m.Term()
					continue
				}
				report(arts[i], errs[i])
				m.Nak()
				continue
			}
			if err := m.DoubleAck(ctx); err != nil {
				// The work is done and durable; a lost ack only means
				// the message comes again, and that repeat is a no-op.
				report(arts[i], fmt.Errorf("ack: %w", err))
				continue
			}
			report(arts[i], nil)
		}
	}
	return nil
}

func msgID(m jetstream.Msg) string {
	if id := m.Headers().Get(jetstream.MsgIDHeader); id != "" {
		return id
	}
	if md, err := m.Metadata(); err == nil {
		return fmt.Sprintf("#%d", md.Sequence.Stream)
	}
	return "?"
}
