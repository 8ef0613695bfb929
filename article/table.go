package article

import (
	"fmt"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Tables are spoken row by row: each row one item whose cells are
// joined with commas, in reading order ("Margarine or butter, 250
// grams"), up to maxTableRows rows of at most maxTableCols cells. A
// table of the article is its content (a training plan, a ranking, a
// price list), and the extraction references of every development set
// read it: at 20 rows and 6 columns, the limits this started with,
// narrate left out what 21 pages of them read (F1 on scrapinghub 0.977
// -> 0.980, WCXB articles 0.934 -> 0.936, documentation 0.887 -> 0.891
// when read). A table larger than the limits is a data dump nobody
// listens to, and wider than ten columns no row can be followed by ear
// (those lost on WCXB when read): it is left out, and the document says
// so in a warning, unless the page has nothing else to read (a list of
// links laid out in a table, a schedule): then it is the page, and read.
// A table whose cells hold long text is page layout, not data: its cells
// are read as ordinary paragraphs.
const (
	maxTableRows    = 150
	maxTableCols    = 10
	maxTableCellLen = 200
)

// tableRows returns the text of each row of a table (not of the tables
// nested in it), cell by cell, and whether the table is layout.
func tableRows(t *html.Node) (rows [][]string, layout bool) {
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.Table:
				layout = true // a table inside a table lays out the page
			case atom.Tr:
				var cells []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type != html.ElementNode || (nodeAtom(td) != atom.Td && nodeAtom(td) != atom.Th) {
						continue
					}
					text := textOf(td)
					if len(text) > maxTableCellLen || hasBlockChild(td) {
						layout = true
					}
					if text != "" {
						cells = append(cells, text)
					}
				}
				if len(cells) > 0 {
					rows = append(rows, cells)
				}
			case atom.Caption:
			default:
				visit(c)
			}
		}
	}
	visit(t)
	return rows, layout
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch nodeAtom(c) {
			case atom.P, atom.Div, atom.Table, atom.Ul, atom.Ol, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4:
				return true
			}
			if hasBlockChild(c) {
				return true
			}
		}
	}
	return false
}

// table speaks a data table as items, leaves a large one out with a
// warning, and reads a layout table's cells as content.
func (w *blockWalker) table(n *html.Node, parent Kind) {
	rows, layout := tableRows(n)
	if layout {
		w.flush()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, parent)
		}
		w.flush()
		return
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if (len(rows) > maxTableRows || cols > maxTableCols) && !w.largeTables {
		w.leftOut++
		w.warnings = append(w.warnings, largeTableNote(len(rows), cols))
		w.leaveOut("page:large-table", n)
		return
	}
	w.flush()
	for _, r := range rows {
		w.kind = KindItem
		w.buf.WriteString(strings.Join(r, ", "))
		w.flush()
	}
	w.kind = parent
}

// largeTableNote is the warning for a table left out for its size.
func largeTableNote(rows, cols int) string {
	return fmt.Sprintf("a table of %d rows and %d columns was left out (tables over %d rows or %d columns are not read)", rows, cols, maxTableRows, maxTableCols)
}

// layoutFrame is a table that lays out a page (isLayoutTable): pages
// built before CSS layouts (a news site of 2008: navigation in the left
// cell, the story in the middle one, teasers in the right) put every part
// of the page in one table. story is the text of the cell that holds the
// story, others the texts of its other cells.
type layoutFrame struct {
	table  *html.Node
	story  string
	others []string
}

// findLayoutFrames returns the page's layout tables, before extraction
// (which edits the tree).
func findLayoutFrames(root *html.Node) []layoutFrame {
	var frames []layoutFrame
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && nodeAtom(n) == atom.Table && isLayoutTable(n) {
			f := layoutFrame{table: n}
			best := -1
			for _, c := range ownCells(n) {
				t := strings.Join(strings.Fields(textOf(c)), " ")
				if b := proseBlocks(c); b >= 2 && len(t) >= 400 && len(t) > best {
					if f.story != "" {
						f.others = append(f.others, f.story)
					}
					f.story, best = proseText(c), len(t)
				} else if wordCount(t) >= 4 {
					f.others = append(f.others, t)
				}
			}
			frames = append(frames, f)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	return frames
}

// tookWhole reports whether the extractor's text is the whole frame: the
// story's cell and another cell (the menu, the teasers) with it. The
// extractor, finding no article element, took the table.
//
// Both tests count runs of three words, so a story must have thirty of
// them and a cell three: a page written without spaces between its words
// (Japanese, Chinese) has too few for the test to say anything, and is
// left as the extractor read it (Readability's hukumusume, a Japanese
// page laid out in tables, lost a fifth of its story when the test
// passed on nothing).
func (f layoutFrame) tookWhole(text string) bool {
	if len(wordRuns(f.story)) < 30 || !covers(text, f.story) {
		return false
	}
	for _, o := range f.others {
		if len(wordRuns(o)) >= 3 && covers(text, o) {
			return true
		}
	}
	return false
}

// ownCells returns the cells of table t, not those of tables nested in
// them.
func ownCells(t *html.Node) []*html.Node {
	return findElements(t, func(c *html.Node) bool { a := nodeAtom(c); return a == atom.Td || a == atom.Th })
}

// unwrapLayoutTable turns a layout table into <div>s, row by row and
// cell by cell: the cells become the blocks the extractor weighs anyway,
// and it can take the story's cell alone. Tables nested in it stay.
func unwrapLayoutTable(t *html.Node) {
	toDiv(t)
	var rename func(n *html.Node)
	rename = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.Table, atom.Caption, atom.Colgroup, atom.Col:
				continue // a nested table is judged on its own
			case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
				toDiv(c)
			}
			rename(c)
		}
	}
	rename(t)
}

// toDiv makes n a <div>, keeping its attributes but those of a table's
// layout (width, alignment, spacing), which a <div> has no use for.
func toDiv(n *html.Node) {
	n.Data, n.DataAtom = "div", atom.Div
	attrs := n.Attr[:0]
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "width", "height", "valign", "align", "bgcolor", "cellpadding", "cellspacing", "border", "colspan", "rowspan", "nowrap", "background":
		default:
			attrs = append(attrs, a)
		}
	}
	n.Attr = attrs
}

// isLayoutTable reports whether a cell of table t (not of a table nested
// in it) holds a story's worth of prose: two or more paragraphs or
// headings and 400 bytes of text or more. A data table's cells hold a
// value or a line each; a cell of a few lines in <p>s (a glossary) is
// not a story.
func isLayoutTable(t *html.Node) bool {
	for _, c := range ownCells(t) {
		if proseBlocks(c) >= 2 && len(textOf(c)) >= 400 {
			return true
		}
	}
	return false
}

// proseText joins the text of the paragraphs and headings under n: the
// story of a cell, without its tools and teasers.
func proseText(n *html.Node) string {
	var parts []string
	for _, c := range proseNodes(n) {
		parts = append(parts, strings.Join(strings.Fields(textOf(c)), " "))
	}
	return strings.Join(parts, " ")
}

// proseBlocks counts the paragraphs and headings under n.
func proseBlocks(n *html.Node) int { return len(proseNodes(n)) }

// proseNodes returns the paragraphs and headings under n, those of nested
// tables included (a story laid out in a table within the cell).
func proseNodes(n *html.Node) []*html.Node {
	return findElements(n, func(c *html.Node) bool {
		switch nodeAtom(c) {
		case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
		return false
	})
}

// readFrameStory extracts the page again with its layout tables made
// <div>s when the extractor took a whole layout table for the article
// (the menu, the headline twice, the date line and the teasers around
// the story), and keeps that reading when it holds the story and less of
// the rest.
func readFrameStory(root *html.Node, res *trafilatura.ExtractResult, frames []layoutFrame) *trafilatura.ExtractResult {
	for _, f := range frames {
		if !f.tookWhole(res.ContentText) {
			continue
		}
		for _, g := range frames {
			unwrapLayoutTable(g.table)
		}
		again, err := trafilatura.ExtractDocument(root, extractOptions())
		if err == nil && again != nil && again.ContentNode != nil && covers(again.ContentText, f.story) &&
			onceLen(again.ContentText) < onceLen(res.ContentText) {
			return again
		}
		return res
	}
	return res
}
