package audio

import "testing"

// Frame headers as LAME, ffmpeg and other encoders write them, with the
// lengths ISO 11172-3 and 13818-3 give.
func TestParseMP3Header(t *testing.T) {
	tests := []struct {
		name   string
		b      []byte
		want   MP3Header
		length int
	}{
		{"MPEG-2 24 kHz mono 64 kbit/s", []byte{0xFF, 0xF3, 0x84, 0xC4},
			MP3Header{Mono: true, CRC: false, Samples: 576, SideInfo: 9, SampleRate: 24000, Bitrate: 64}, 192},
		{"MPEG-1 44.1 kHz joint stereo 128 kbit/s, padded", []byte{0xFF, 0xFB, 0x92, 0x64},
			MP3Header{MPEG1: true, Samples: 1152, SideInfo: 32, SampleRate: 44100, Bitrate: 128, Padding: true}, 418},
		{"MPEG-1 48 kHz mono 96 kbit/s with CRC", []byte{0xFF, 0xFA, 0x74, 0xC0},
			MP3Header{MPEG1: true, Mono: true, CRC: true, Samples: 1152, SideInfo: 17, SampleRate: 48000, Bitrate: 96}, 288},
		{"MPEG-2.5 8 kHz stereo 8 kbit/s", []byte{0xFF, 0xE3, 0x18, 0x00},
			MP3Header{Samples: 576, SideInfo: 17, SampleRate: 8000, Bitrate: 8}, 72},
		{"free format", []byte{0xFF, 0xFB, 0x00, 0xC0},
			MP3Header{MPEG1: true, Mono: true, Samples: 1152, SideInfo: 17, SampleRate: 44100}, 0},
	}
	for _, tc := range tests {
		h, ok := ParseMP3Header(tc.b)
		if !ok || h != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v", tc.name, h, ok, tc.want)
			continue
		}
		if got := h.FrameLen(); got != tc.length {
			t.Errorf("%s: FrameLen %d, want %d", tc.name, got, tc.length)
		}
	}
	for _, b := range [][]byte{
		nil,
		{0xFF, 0xF3, 0x84},       // short
		{0xFF, 0xFD, 0x84, 0xC4}, // layer II
		{0xFF, 0xEB, 0x84, 0xC4}, // reserved version
		{0xFF, 0xF3, 0x8C, 0xC4}, // reserved sample rate
		{0xFF, 0xF3, 0xF4, 0xC4}, // bad bitrate index
		{0x49, 0x44, 0x33, 0x04}, // "ID3"
	} {
		if h, ok := ParseMP3Header(b); ok {
			t.Errorf("% x: parsed as %+v, want no header", b, h)
		}
	}
}
