package article

import (
	"fmt"
	"strings"

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
