// Package dateparser stands in for github.com/markusmobius/go-dateparser in
// narrate's own builds (see the replace directive in narrate's go.mod).
//
// narrate reaches go-dateparser only through go-trafilatura -> go-htmldate,
// and go-htmldate calls it only for its "extensive" date search, which
// narrate never asks for: article extracts with trafilatura's Fast date mode
// (SkipExtensiveSearch), and article's tests check that it stays so. Yet the
// real package builds about 78 MB of locale tables in its package init on
// every start of every narrate process, about 30 MB of which stay live and
// are scanned by every garbage collection of a render.
//
// This package keeps the API go-htmldate compiles against and nothing else.
// Parse always fails with ErrNotIncluded, which go-htmldate treats as "no
// date found". Programs that import narrate's packages as a library get the
// real go-dateparser (a replace directive applies only to the main module),
// with the same results, since the code path is not taken.
package dateparser

import (
	"errors"
	"time"
)

// ErrNotIncluded is what Parse returns.
var ErrNotIncluded = errors.New("go-dateparser is not included in narrate builds")

// ParserType names one of go-dateparser's parsing strategies.
type ParserType int

// The strategies, in go-dateparser's order.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says which date to prefer when one is incomplete.
type PreferredDateSource int

// The sources, in go-dateparser's order.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration carries the settings go-htmldate sets.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Parser holds the strategies go-htmldate selects.
type Parser struct {
	ParserTypes []ParserType
}

// Date is a parsed date.
type Date struct {
	Time time.Time
}

// Parse always returns ErrNotIncluded.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	return Date{}, ErrNotIncluded
}
