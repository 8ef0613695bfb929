package espeak

import "context"

// HoldLibrary takes the library as a call in progress does, for the
// external tests; the returned function gives it back.
func HoldLibrary() (release func()) {
	acquire(context.Background()) //nolint:errcheck // a background context never ends
	return func() { <-lib }
}
