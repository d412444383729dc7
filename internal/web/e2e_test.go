package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns the browser to drive: $MARSAD_CHROMIUM, else the
// Debian package's binary (CI installs it), else other usual names.
func findChromium() string {
	if p := os.Getenv("MARSAD_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowserSearchStoryEntity uses the UI as a person would: search for
// بوتين, open the story from a result, open an entity from the story, and
// check what each page shows. It fails when no browser is installed (CI
// installs Debian's chromium); MARSAD_NO_BROWSER=1 skips it on machines
// without one. Screenshots go to $MARSAD_SCREENSHOTS or a temp dir.
func TestBrowserSearchStoryEntity(t *testing.T) {
	if os.Getenv("MARSAD_NO_BROWSER") == "1" {
		t.Skip("MARSAD_NO_BROWSER=1")
	}
	bin := findChromium()
	if bin == "" {
		t.Fatal("no chromium found (apt-get install chromium, or set MARSAD_CHROMIUM; MARSAD_NO_BROWSER=1 skips this test)")
	}
	srv, _ := testServer(t)
	shots := os.Getenv("MARSAD_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	// A fresh profile, removed after the browser has exited (t.TempDir
	// would race with chromium still writing to it).
	profile, err := os.MkdirTemp("", "marsad-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(412, 915), // a phone
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	// The pinned cdproto cannot decode a few events newer chromiums send
	// (IPAddressSpace "Loopback"); they do not concern this test.
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...any) {}))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// shot saves what the phone's screen shows (PNG), and the whole page.
	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var screen, full []byte
			if err := chromedp.CaptureScreenshot(&screen).Do(ctx); err != nil {
				return err
			}
			if err := chromedp.FullScreenshot(&full, 100).Do(ctx); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(shots, name), screen, 0o644); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, strings.Replace(name, ".png", "-full.png", 1)), full, 0o644)
		})
	}
	var dir, lang, results, firstHit, boxDir string
	// 1. Home → search: type a query with a clitic-free name; the sample
	//    writes لبوتين and بوتين.
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.AttributeValue("html", "dir", &dir, nil),
		chromedp.AttributeValue("html", "lang", &lang, nil),
		chromedp.Evaluate(`getComputedStyle(document.querySelector("input[name=q]")).direction`, &boxDir),
		chromedp.SetValue(`input[name=q]`, "بوتين", chromedp.ByQuery),
		chromedp.Submit(`input[name=q]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#results`, chromedp.ByQuery),
		chromedp.Text(`#results`, &results, chromedp.ByQuery),
		chromedp.Text(`#results .hit mark`, &firstHit, chromedp.ByQuery),
		shot("1-search.png"),
	)
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	if dir != "rtl" || lang != "ar" {
		t.Errorf(`<html dir=%q lang=%q>, want dir="rtl" lang="ar"`, dir, lang)
	}
	if boxDir != "rtl" {
		t.Errorf("the empty search box is %s: its Arabic placeholder is cut at the start", boxDir)
	}
	if !strings.Contains(firstHit, "بوتين") {
		t.Errorf("first highlighted word %q, want a form of بوتين", firstHit)
	}
	var entityResults string
	chromedp.Run(ctx, chromedp.Text(`#entity-results`, &entityResults, chromedp.ByQuery))
	if !strings.Contains(entityResults, "فلاديمير بوتين") {
		t.Errorf("entity results %q, want the linked entity فلاديمير بوتين", entityResults)
	}

	// 2. Result → story: both outlets side by side.
	var sources, agreements, entities string
	err = chromedp.Run(ctx,
		chromedp.Click(`#results .hit a[href^="/stories/"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#sources`, chromedp.ByQuery),
		chromedp.Text(`#sources`, &sources, chromedp.ByQuery),
		chromedp.Text(`#agreements`, &agreements, chromedp.ByQuery),
		chromedp.Text(`#entities`, &entities, chromedp.ByQuery),
		shot("2-story.png"),
		chromedp.ScrollIntoView(`#exclusives`, chromedp.ByQuery),
		shot("2b-story-exclusives.png"),
		chromedp.ScrollIntoView(`#conflicts`, chromedp.ByQuery),
		shot("2c-story-conflicts.png"),
	)
	if err != nil {
		t.Fatalf("story: %v", err)
	}
	for _, want := range []string{"000_17630a854111e4cf", "004_b3057454c05addf2"} {
		if !strings.Contains(sources, want) {
			t.Errorf("story sources %q lack %s", sources, want)
		}
	}
	if !strings.Contains(entities, "دونالد ترامب") || !strings.Contains(entities, "فلاديمير بوتين") {
		t.Errorf("story entities %q lack Trump or Putin", entities)
	}
	if strings.TrimSpace(agreements) == "" {
		t.Errorf("no agreements shown")
	}
	// Nothing is fetched from elsewhere (no CDN fonts or scripts): every
	// resource the page loaded is the server's own. And the first Tab
	// reaches the skip link, which moves the focus past the header.
	var foreign []string
	var firstTab, afterSkip string
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`performance.getEntriesByType("resource").map(e => e.name).filter(n => !n.startsWith(location.origin))`, &foreign),
		chromedp.KeyEvent("\t"),
		chromedp.Evaluate(`document.activeElement.className`, &firstTab),
		chromedp.KeyEvent("\r"),
		chromedp.Evaluate(`document.activeElement.id`, &afterSkip),
	)
	if err != nil {
		t.Fatalf("story resources and keyboard: %v", err)
	}
	if len(foreign) > 0 {
		t.Errorf("the story page fetched from elsewhere: %v", foreign)
	}
	if firstTab != "skip" || afterSkip != "main" {
		t.Errorf("first Tab focuses %q, Enter on it focuses #%s; want the skip link, then #main", firstTab, afterSkip)
	}

	// 3. Story → entity page: mentions, quotes, timeline chart.
	var name, mentions, quotes string
	var bars int
	err = chromedp.Run(ctx,
		chromedp.Click(`#entities a[href="/entities/vladimir-putin"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#entity-name`, chromedp.ByQuery),
		chromedp.Text(`#entity-name`, &name, chromedp.ByQuery),
		chromedp.Text(`#mentions`, &mentions, chromedp.ByQuery),
		chromedp.Text(`#quotes`, &quotes, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#timeline svg rect").length`, &bars),
		shot("3-entity.png"),
	)
	if err != nil {
		t.Fatalf("entity: %v", err)
	}
	if name != "فلاديمير بوتين" {
		t.Errorf("entity page name %q", name)
	}
	if !strings.Contains(mentions, "بوتين") || strings.TrimSpace(quotes) == "" || bars == 0 {
		t.Errorf("entity page: mentions %.80q, quotes %.80q, %d timeline bars", mentions, quotes, bars)
	}

	// 4. The article view with highlights, and the English toggle.
	var marks int
	var enDir, storiesTitle string
	err = chromedp.Run(ctx,
		chromedp.Click(`#mentions a[href^="/articles/"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.article-text`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll(".article-text a.ent, .article-text .q, .article-text .time").length`, &marks),
		shot("4-article.png"),
		chromedp.Click(`#lang-toggle`, chromedp.ByQuery),
		chromedp.WaitVisible(`.article-text`, chromedp.ByQuery),
		chromedp.AttributeValue("html", "dir", &enDir, nil),
		chromedp.Text(`header`, &storiesTitle, chromedp.ByQuery),
		shot("5-article-en.png"),
	)
	if err != nil {
		t.Fatalf("article: %v", err)
	}
	if marks < 5 {
		t.Errorf("article view has %d highlights", marks)
	}
	if enDir != "ltr" || !strings.Contains(storiesTitle, "Stories") {
		t.Errorf("English toggle: dir %q, header %q", enDir, storiesTitle)
	}
	t.Logf("screenshots in %s", shots)
}
