package audio

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-audio/wav"
)

// goAudioRead decodes a WAV file with go-audio/wav, the reader nobody here
// wrote, and returns its format, samples (interleaved, as integers) and cue
// points.
func goAudioRead(t *testing.T, data []byte) (*wav.Decoder, []int, []*wav.CuePoint) {
	t.Helper()
	d := wav.NewDecoder(bytes.NewReader(data))
	if !d.IsValidFile() {
		t.Fatalf("go-audio/wav: not a valid WAV file: %v", d.Err())
	}
	if err := d.Rewind(); err != nil {
		t.Fatalf("go-audio/wav: %v", err)
	}
	pcm, err := d.FullPCMBuffer()
	if err != nil {
		t.Fatalf("go-audio/wav: samples: %v", err)
	}
	// ReadMetadata reads the whole file from the start for the chunks after
	// the data (the cue points).
	meta := wav.NewDecoder(bytes.NewReader(data))
	meta.ReadMetadata()
	if err := meta.Err(); err != nil {
		t.Fatalf("go-audio/wav: metadata: %v", err)
	}
	var cues []*wav.CuePoint
	if meta.Metadata != nil {
		cues = meta.Metadata.CuePoints
	}
	return d, pcm.Data, cues
}

// checkPCM16 reports whether ints, read by go-audio/wav, are src rounded to
// 16 bits and copied to each of channels channels.
func checkPCM16(t *testing.T, ints []int, src []float32, channels int) {
	t.Helper()
	if len(ints) != channels*len(src) {
		t.Fatalf("go-audio/wav read %d values, want %d samples x %d channels", len(ints), len(src), channels)
	}
	for i, x := range src {
		want := int(toInt16(x))
		for c := range channels {
			if got := ints[i*channels+c]; got != want {
				t.Fatalf("sample %d channel %d = %d, want %d (from %v)", i, c, got, want, x)
			}
		}
	}
}

func TestWAVRoundTrip(t *testing.T) {
	src := codecSine(24000, 440, 300*time.Millisecond, 0.7)
	// Values around the clipping points and the grid.
	src.Samples = append(src.Samples, 1, -1, 1.5, -2, 0.99999, 1.0/32768, -1.0/32768, 0.5/32768)
	var buf bytes.Buffer // not seekable: WriteWAV assembles the file in memory
	if err := WriteWAV(&buf, src); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 44+2*len(src.Samples) {
		t.Errorf("file is %d bytes, want %d", buf.Len(), 44+2*len(src.Samples))
	}
	d, ints, cues := goAudioRead(t, buf.Bytes())
	if d.SampleRate != 24000 || d.NumChans != 1 || d.BitDepth != 16 || d.WavAudioFormat != wavFormatPCM || len(cues) != 0 {
		t.Errorf("go-audio/wav reads %d Hz, %d channels, %d bits, format %d, %d cues; want 24000, 1, 16, 1, 0",
			d.SampleRate, d.NumChans, d.BitDepth, d.WavAudioFormat, len(cues))
	}
	checkPCM16(t, ints, src.Samples, 1)
	if n := len(ints) - 8; ints[n+2] != 32767 || ints[n+3] != -32768 {
		t.Errorf("clipping: 1.5 -> %d, -2 -> %d; want 32767, -32768", ints[n+2], ints[n+3])
	}

	// Our reader agrees, and int16 values survive exactly.
	got, err := ReadWAV(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteWAV(&again, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("write(read(write(x))) differs from write(x)")
	}
	// A seekable destination gets the same bytes, written in place.
	f, err := os.Create(filepath.Join(t.TempDir(), "rt.wav"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteWAV(f, src); err != nil {
		t.Fatal(err)
	}
	if onDisk, _ := os.ReadFile(f.Name()); !bytes.Equal(onDisk, buf.Bytes()) {
		t.Error("WriteWAV to a file differs from WriteWAV to a buffer")
	}
	if err := WriteWAV(io.Discard, &Buffer{Rate: 24000, Samples: []float32{float32(math.NaN())}}); err == nil {
		t.Error("WriteWAV of NaN: no error")
	}
	if err := WriteWAV(io.Discard, &Buffer{Rate: 100}); err == nil {
		t.Error("WriteWAV at 100 Hz: no error")
	}
}

func TestWAVWriter(t *testing.T) {
	for _, channels := range []int{1, 2} {
		path := filepath.Join(t.TempDir(), "out.wav")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		prefix := []byte("not part of the wav")
		f.Write(prefix)
		w, err := NewWAVWriter(f, 24000, channels)
		if err != nil {
			t.Fatal(err)
		}
		src := codecSine(24000, 440, 250*time.Millisecond, 0.5)
		for s := src.Samples; len(s) > 0; {
			k := min(len(s), 777)
			if err := w.Write(s[:k]); err != nil {
				t.Fatal(err)
			}
			s = s[k:]
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := w.Write(src.Samples); err == nil {
			t.Errorf("channels=%d: Write after Close: no error", channels)
		}
		f.Write([]byte("after")) // Close leaves the file positioned at the end
		f.Close()
		data, _ := os.ReadFile(path)
		if !bytes.HasPrefix(data, prefix) || !bytes.HasSuffix(data, []byte("after")) {
			t.Fatalf("channels=%d: the WAV did not start at the file's offset or Close left it elsewhere", channels)
		}
		data = data[len(prefix) : len(data)-len("after")]
		if len(data) != 44+2*channels*len(src.Samples) {
			t.Errorf("channels=%d: %d bytes of WAV, want %d", channels, len(data), 44+2*channels*len(src.Samples))
		}
		d, ints, _ := goAudioRead(t, data)
		if int(d.NumChans) != channels || d.SampleRate != 24000 {
			t.Errorf("go-audio/wav reads %d channels at %d Hz, want %d at 24000", d.NumChans, d.SampleRate, channels)
		}
		checkPCM16(t, ints, src.Samples, channels)
	}
	if _, err := NewWAVWriter(nil, 24000, 3); err == nil {
		t.Error("3 channels: no error")
	}
	if _, err := NewWAVWriter(nil, 1, 1); err == nil {
		t.Error("1 Hz: no error")
	}
}

// TestWAVWriterEmpty: closing a writer that got no samples leaves a valid,
// empty WAV file, not a header with placeholder sizes.
func TestWAVWriterEmpty(t *testing.T) {
	var out seekBuffer
	w, err := NewWAVWriter(&out, 24000, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	d := wav.NewDecoder(bytes.NewReader(out.b))
	d.ReadInfo()
	if err := d.FwdToPCM(); err != nil || d.PCMSize != 0 || len(out.b) != 44 || d.SampleRate != 24000 {
		t.Errorf("go-audio/wav: %v, data size %d, rate %d, file %d bytes; want a 44-byte file with no data",
			err, d.PCMSize, d.SampleRate, len(out.b))
	}
}

func TestWAVWriterCues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cues.wav")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWAVWriter(f, 24000, 1)
	if err != nil {
		t.Fatal(err)
	}
	tone := make([]float32, 24000)
	for i := range tone {
		tone[i] = float32(0.5 * math.Sin(float64(i)/10))
	}
	if err := w.Write(tone); err != nil {
		t.Fatal(err)
	}
	w.SetCues([]Cue{{0, "Title"}, {12000, "Second half, «quoted»"}, {24000, "odd"}, {99999, "past the end"}})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data, _ := os.ReadFile(path)

	// go-audio/wav reads the audio unchanged and the cue points (it skips
	// the labels: its LIST reader knows INFO only).
	_, ints, cues := goAudioRead(t, data)
	checkPCM16(t, ints, tone, 1)
	want := []uint32{0, 12000, 24000}
	if len(cues) != len(want) {
		t.Fatalf("go-audio/wav reads %d cue points, want %d (the one past the end left out)", len(cues), len(want))
	}
	for i, c := range cues {
		if c.Position != want[i] || c.SampleOffset != want[i] || string(c.DataChunkID[:]) != "data" {
			t.Errorf("cue %d: position %d, sample offset %d, chunk %q; want %d, %d, data",
				i, c.Position, c.SampleOffset, c.DataChunkID[:], want[i], want[i])
		}
	}
	// Our reader still reads the audio of a file with chunks after the data.
	if b, err := ReadWAV(bytes.NewReader(data)); err != nil || len(b.Samples) != len(tone) {
		t.Fatalf("ReadWAV: %v", err)
	}

	t.Run("labels read by ffprobe", func(t *testing.T) {
		ffprobe, err := exec.LookPath("ffprobe")
		if err != nil {
			t.Skip("ffprobe not installed (Debian ffmpeg); skipping the label check")
		}
		out, err := exec.Command(ffprobe, "-v", "error", "-show_chapters", "-show_entries", "stream=duration_ts", "-of", "json", path).Output()
		if err != nil {
			t.Fatalf("ffprobe: %v", err)
		}
		var got struct {
			Chapters []struct {
				Start int64
				Tags  struct{ Title string }
			}
			Streams []struct {
				DurationTS int64 `json:"duration_ts"`
			}
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("ffprobe output %s: %v", out, err)
		}
		if len(got.Streams) != 1 || got.Streams[0].DurationTS != int64(len(tone)) {
			t.Errorf("ffprobe streams %+v, want one of %d samples", got.Streams, len(tone))
		}
		labels := []string{"Title", "Second half, «quoted»", "odd"}
		if len(got.Chapters) != len(labels) {
			t.Fatalf("ffprobe reads %d chapters, want %d: %s", len(got.Chapters), len(labels), out)
		}
		for i, c := range got.Chapters {
			if c.Start != int64(want[i]) || c.Tags.Title != labels[i] {
				t.Errorf("chapter %d: start %d %q, want %d %q", i, c.Start, c.Tags.Title, want[i], labels[i])
			}
		}
	})
}

func BenchmarkWAVWriter(b *testing.B) {
	src := codecSine(24000, 440, 60*time.Second, 0.5)
	var out seekBuffer
	b.SetBytes(int64(2 * len(src.Samples)))
	for b.Loop() {
		out.b, out.off = out.b[:0], 0
		w, err := NewWAVWriter(&out, 24000, 1)
		if err != nil {
			b.Fatal(err)
		}
		for s := src.Samples; len(s) > 0; s = s[min(len(s), 8192):] {
			if err := w.Write(s[:min(len(s), 8192)]); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*60/b.Elapsed().Seconds(), "x_realtime")
}

// Title, artist and the rest reach ffprobe from the LIST/INFO chunk, with
// the chapters' cue points beside it, whatever the values' lengths (an even
// length once hid every tag after it) and scripts.
func TestWAVWriterInfo(t *testing.T) {
	ffprobe, err := exec.LookPath("ffprobe")
	if err != nil {
		t.Skip("ffprobe not installed (Debian ffmpeg): it is the reader that checks the tags")
	}
	info := WAVInfo{Title: "Tides rise at the harbour", Artist: "Érika Bisaillon and Mara Quinlan",
		Album: "The Gazette", Date: "2024-04-21", Comment: "Narrated from https://example.com/a?b=1&c=2", Software: "narrate"}
	want := map[string]string{"title": info.Title, "artist": info.Artist, "album": info.Album,
		"date": info.Date, "comment": info.Comment, "encoder": info.Software}
	for _, odd := range []bool{false, true} {
		if odd { // every value one byte longer: the other parity
			info.Title += "s"
			info.Artist += "s"
			info.Album += "s"
			info.Comment += "s"
			info.Software += "s"
			for k, v := range want {
				if k != "date" {
					want[k] = v + "s"
				}
			}
		}
		path := filepath.Join(t.TempDir(), "info.wav")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w, err := NewWAVWriter(f, 24000, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(make([]float32, 24000)); err != nil {
			t.Fatal(err)
		}
		w.SetCues([]Cue{{0, "Title"}, {12000, "Second"}})
		w.SetInfo(info)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		out, err := exec.Command(ffprobe, "-v", "error", "-show_chapters", "-show_entries", "format_tags", "-of", "json", path).Output()
		if err != nil {
			t.Fatalf("ffprobe: %v", err)
		}
		var got struct {
			Chapters []struct{ Tags struct{ Title string } }
			Format   struct{ Tags map[string]string }
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("ffprobe output %s: %v", out, err)
		}
		for k, v := range want {
			if got.Format.Tags[k] != v {
				t.Errorf("ffprobe tag %s = %q, want %q (all tags: %v)", k, got.Format.Tags[k], v, got.Format.Tags)
			}
		}
		if len(got.Chapters) != 2 || got.Chapters[1].Tags.Title != "Second" {
			t.Errorf("ffprobe chapters beside the INFO chunk: %+v", got.Chapters)
		}
		// The audio is still read whole by the readers we did not write.
		data, _ := os.ReadFile(path)
		checkInfoAlignment(t, data)
		_, ints, _ := goAudioRead(t, data)
		if len(ints) != 24000 {
			t.Errorf("go-audio/wav reads %d samples, want 24000", len(ints))
		}
	}
}

// checkInfoAlignment fails unless every sub-chunk of the file's LIST/INFO
// chunk starts on an even offset, as RIFF requires.
func checkInfoAlignment(t *testing.T, data []byte) {
	t.Helper()
	i := bytes.Index(data, []byte("INFO"))
	if i < 8 || string(data[i-8:i-4]) != "LIST" {
		t.Fatal("no LIST/INFO chunk")
	}
	end := i - 4 + int(binary.LittleEndian.Uint32(data[i-4:i]))
	for at := i + 4; at+8 <= end; {
		if at%2 != 0 {
			t.Errorf("INFO sub-chunk %q at odd offset %d", data[at:at+4], at)
		}
		at += 8 + int(binary.LittleEndian.Uint32(data[at+4:at+8]))
	}
}
