package cache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// An entry is one clip in a compact binary form, all integers little-endian:
//
//	magic     "NRCLIP"            6 bytes
//	version   uint8 (1)
//	flags     uint8 (0, reserved)
//	key       32 bytes            the Key the entry was stored under
//	rate      uint32              Hz
//	samples   uint32              sample count, at least 1
//	marks     uint32              mark count
//	notes     uint32              note count
//	mark      × marks: kind uint8, sample uint32, start uint32, end uint32
//	note      × notes: length uint32, UTF-8 bytes
//	pcm       samples × int16
//	crc       uint32              CRC-32C of every byte before it
//
// The key inside the entry lets a reader reject an entry copied or renamed to
// the wrong name; the CRC catches truncation and flipped bits.
const (
	entryMagic   = "NRCLIP"
	entryVersion = 1
	headerLen    = 6 + 1 + 1 + 32 + 4*4
	markLen      = 1 + 4 + 4 + 4
	crcLen       = 4
	// maxNoteLen bounds one note; engines write a sentence, not a book.
	maxNoteLen = 1 << 16
)

// ErrCorrupt is matched (errors.Is) by every error DecodeEntry returns: the
// bytes are not an intact entry.
var ErrCorrupt = errors.New("corrupt cache entry")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// EncodeEntry returns clip in the entry format, stored under k. Samples are
// rounded to 16 bits and clipped to full scale, so the clip DecodeEntry gives
// back may differ from clip by up to half a 16-bit step per sample. It fails
// on a clip that cannot be stored: no samples, a rate outside audio.MinRate
// ..audio.MaxRate, more than 2³²-1 samples, or a mark or note that does not fit
// the format.
func EncodeEntry(k Key, clip *tts.Clip) ([]byte, error) {
	if clip == nil {
		return nil, fmt.Errorf("encode cache entry %s: nil clip", k)
	}
	n := len(clip.Audio.Samples)
	switch {
	case n == 0:
		return nil, fmt.Errorf("encode cache entry %s: clip has no samples", k)
	case n > math.MaxUint32/4:
		return nil, fmt.Errorf("encode cache entry %s: clip of %d samples is too long", k, n)
	case clip.Audio.Rate < audio.MinRate || clip.Audio.Rate > audio.MaxRate:
		return nil, fmt.Errorf("encode cache entry %s: sample rate %d Hz outside %d..%d", k, clip.Audio.Rate, audio.MinRate, audio.MaxRate)
	}
	size := headerLen + markLen*len(clip.Marks) + 2*n + crcLen
	for i, m := range clip.Marks {
		if m.Kind <= 0 || m.Kind > math.MaxUint8 || m.Sample < 0 || m.Sample > n ||
			m.Start < 0 || m.End < m.Start || int64(m.End) > math.MaxUint32 {
			return nil, fmt.Errorf("encode cache entry %s: mark %d (%v at sample %d, bytes %d..%d) cannot be stored", k, i, m.Kind, m.Sample, m.Start, m.End)
		}
	}
	for i, s := range clip.Notes {
		if len(s) > maxNoteLen {
			return nil, fmt.Errorf("encode cache entry %s: note %d is %d bytes long (at most %d)", k, i, len(s), maxNoteLen)
		}
		size += 4 + len(s)
	}
	out := make([]byte, 0, size)
	out = append(out, entryMagic...)
	out = append(out, entryVersion, 0)
	out = append(out, k[:]...)
	out = binary.LittleEndian.AppendUint32(out, uint32(clip.Audio.Rate))
	out = binary.LittleEndian.AppendUint32(out, uint32(n))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(clip.Marks)))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(clip.Notes)))
	for _, m := range clip.Marks {
		out = append(out, byte(m.Kind))
		out = binary.LittleEndian.AppendUint32(out, uint32(m.Sample))
		out = binary.LittleEndian.AppendUint32(out, uint32(m.Start))
		out = binary.LittleEndian.AppendUint32(out, uint32(m.End))
	}
	for _, s := range clip.Notes {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(s)))
		out = append(out, s...)
	}
	out = append(out, audio.EncodePCM16(clip.Audio.Samples)...)
	out = binary.LittleEndian.AppendUint32(out, crc32Of(out))
	return out, nil
}

// DecodeEntry parses an entry made by EncodeEntry and returns the key it was
// stored under and the clip. Every failure matches ErrCorrupt. It never
// allocates more than a small multiple of len(data), whatever sizes the
// entry declares, so it is safe on bytes from anywhere.
func DecodeEntry(data []byte) (Key, *tts.Clip, error) {
	var k Key
	bad := func(format string, args ...any) (Key, *tts.Clip, error) {
		return Key{}, nil, fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
	}
	if len(data) < headerLen+crcLen {
		return bad("%d bytes, shorter than the %d-byte header", len(data), headerLen+crcLen)
	}
	if string(data[:6]) != entryMagic {
		return bad("not a clip entry (magic %q)", data[:6])
	}
	if data[6] != entryVersion {
		return bad("format version %d, this build reads %d", data[6], entryVersion)
	}
	body := data[:len(data)-crcLen]
	if want, got := binary.LittleEndian.Uint32(data[len(body):]), crc32Of(body); want != got {
		return bad("checksum %08x, computed %08x (truncated or damaged)", want, got)
	}
	if data[7] != 0 {
		return bad("unknown flags %#x", data[7])
	}
	copy(k[:], data[8:40])
	rate := binary.LittleEndian.Uint32(data[40:])
	nSamples := uint64(binary.LittleEndian.Uint32(data[44:]))
	nMarks := uint64(binary.LittleEndian.Uint32(data[48:]))
	nNotes := uint64(binary.LittleEndian.Uint32(data[52:]))
	if rate < audio.MinRate || rate > audio.MaxRate {
		return bad("sample rate %d Hz outside %d..%d", rate, audio.MinRate, audio.MaxRate)
	}
	if nSamples == 0 {
		return bad("no samples")
	}
	rest := body[headerLen:]
	// Check the declared sizes against what is there before allocating.
	if need := nMarks*markLen + nNotes*4 + 2*nSamples; need > uint64(len(rest)) {
		return bad("declares %d samples, %d marks and %d notes (at least %d bytes) but holds %d bytes", nSamples, nMarks, nNotes, need, len(rest))
	}
	clip := &tts.Clip{}
	if nMarks > 0 {
		clip.Marks = make([]tts.Mark, nMarks)
	}
	for i := range clip.Marks {
		m := tts.Mark{
			Kind:   tts.MarkKind(rest[0]),
			Sample: int(binary.LittleEndian.Uint32(rest[1:])),
			Start:  int(binary.LittleEndian.Uint32(rest[5:])),
			End:    int(binary.LittleEndian.Uint32(rest[9:])),
		}
		if m.Kind == 0 || uint64(m.Sample) > nSamples || m.End < m.Start {
			return bad("mark %d (kind %d at sample %d, bytes %d..%d) is out of range", i, m.Kind, m.Sample, m.Start, m.End)
		}
		clip.Marks[i] = m
		rest = rest[markLen:]
	}
	if nNotes > 0 {
		clip.Notes = make([]string, 0, nNotes)
	}
	for i := uint64(0); i < nNotes; i++ {
		if len(rest) < 4 {
			return bad("note %d: header cut off", i)
		}
		l := uint64(binary.LittleEndian.Uint32(rest))
		rest = rest[4:]
		if l > maxNoteLen || l > uint64(len(rest)) {
			return bad("note %d declares %d bytes, %d left", i, l, len(rest))
		}
		clip.Notes = append(clip.Notes, string(rest[:l]))
		rest = rest[l:]
	}
	if uint64(len(rest)) != 2*nSamples {
		return bad("declares %d samples (%d bytes) but holds %d bytes of audio", nSamples, 2*nSamples, len(rest))
	}
	samples, err := audio.DecodePCM16(rest)
	if err != nil {
		return bad("%v", err)
	}
	clip.Audio = audio.Buffer{Rate: int(rate), Samples: samples}
	return k, clip, nil
}

func crc32Of(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }
