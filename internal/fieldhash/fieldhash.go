// Package fieldhash writes strings into a hash so that different lists of
// strings never hash alike: each string goes in after its length, so
// ("ab", "c") and ("a", "bc") differ. The clip cache's keys and batch's
// settings hashes are built with it.
package fieldhash

import (
	"encoding/binary"
	"hash"
)

// Write writes s to h preceded by its length as a uvarint.
func Write(h hash.Hash, s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	h.Write([]byte(s))
}
