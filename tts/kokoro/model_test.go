package kokoro

import (
	"context"
	"errors"
	"testing"

	"github.com/narrate-dev/narrate/tts/internal/neural"
)

// TestVocabularyFitsModel checks the vocabulary written out in vocab.go
// against the model: the largest id is the last row of its embedding, one
// more is out of range.
func TestVocabularyFitsModel(t *testing.T) {
	t.Setenv("NARRATE_VOICES", "../../.cache/voices")
	e, err := New("")
	var nf *neural.NotFoundError
	if errors.As(err, &nf) {
		t.Skipf("neural voice assets not installed (run `make voices`): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := e.run(ctx, []int64{0, 56, 16, vocabSize - 1, 0}, 1); err != nil {
		t.Errorf("id %d: %v", vocabSize-1, err)
	}
	if _, err := e.run(ctx, []int64{0, 56, 16, vocabSize, 0}, 1); err == nil {
		t.Errorf("id %d accepted: the embedding has more rows than the vocabulary knows", vocabSize)
	}
}
