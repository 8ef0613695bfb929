package audio

// MP3Header is what the four bytes that open an MPEG audio layer III frame
// say about the frame.
type MP3Header struct {
	MPEG1      bool // MPEG-1 (32, 44.1 and 48 kHz); false for MPEG-2 and 2.5
	Mono       bool // one channel
	CRC        bool // a 16-bit CRC follows the header
	Samples    int  // samples per channel: 1152 for MPEG-1, 576 otherwise
	SideInfo   int  // bytes of side information after the header (and CRC)
	SampleRate int  // Hz
	Bitrate    int  // kbit/s; 0 for the free format
	Padding    bool // the frame is one byte longer than its bitrate gives
}

// mp3Bitrates are the layer III bitrates in kbit/s by header index, for
// MPEG-2 and 2.5 (row 0) and MPEG-1 (row 1); index 0 is the free format.
var mp3Bitrates = [2][15]int{
	{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
	{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
}

// ParseMP3Header decodes the frame header at the start of b; ok is false
// when b does not start with a layer III header with a valid sample rate and
// bitrate index.
func ParseMP3Header(b []byte) (h MP3Header, ok bool) {
	if len(b) < 4 || b[0] != 0xFF || b[1]&0xE0 != 0xE0 {
		return MP3Header{}, false
	}
	version := (b[1] >> 3) & 3 // 0: 2.5, 2: 2, 3: 1
	layer := (b[1] >> 1) & 3   // 1: III
	rateIdx := (b[2] >> 2) & 3
	brIdx := b[2] >> 4
	if version == 1 || layer != 1 || rateIdx == 3 || brIdx == 15 {
		return MP3Header{}, false
	}
	rates := [3]int{44100, 48000, 32000}
	rate := rates[rateIdx]
	switch version {
	case 2:
		rate /= 2
	case 0:
		rate /= 4
	}
	h = MP3Header{
		MPEG1:      version == 3,
		Mono:       b[3]>>6 == 3,
		CRC:        b[1]&1 == 0,
		SampleRate: rate,
		Samples:    576,
		Padding:    b[2]>>1&1 == 1,
	}
	row := 0
	switch {
	case h.MPEG1 && h.Mono:
		h.SideInfo, h.Samples, row = 17, 1152, 1
	case h.MPEG1:
		h.SideInfo, h.Samples, row = 32, 1152, 1
	case h.Mono:
		h.SideInfo = 9
	default:
		h.SideInfo = 17
	}
	h.Bitrate = mp3Bitrates[row][brIdx]
	return h, true
}

// FrameLen is the length of the frame in bytes, its header included; 0 for
// the free format, whose frames say nothing of their length.
func (h MP3Header) FrameLen() int {
	pad := 0
	if h.Padding {
		pad = 1
	}
	// Bytes per kbit/s over the rate: 144 for MPEG-1, 72 otherwise.
	return h.Samples/8*h.Bitrate*1000/h.SampleRate + pad
}
