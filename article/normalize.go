package article

import "strings"

// Normalize prepares text for speech: it collapses runs of white space into
// single spaces and trims the ends.
func Normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
