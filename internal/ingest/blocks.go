package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockText renders extracted article HTML as text with one paragraph per
// block element, separated by blank lines. The extractor's own plain text
// runs headings and paragraphs together ("… عابر. تفاهمات جزئية ورسائل
// متبادلة بوتين وصف …"), which loses the structure the page had.
func blockText(n *html.Node) string {
	var out strings.Builder
	var para strings.Builder
	flush := func() {
		p := strings.Join(strings.Fields(para.String()), " ")
		para.Reset()
		if p == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(p)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			para.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out.String()
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Blockquote, atom.Pre, atom.Table, atom.Tr,
		atom.Td, atom.Th, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Figure, atom.Figcaption, atom.Dd, atom.Dt, atom.Dl, atom.Hr, atom.Main, atom.Aside:
		return true
	}
	return false
}
