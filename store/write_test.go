package store_test

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/narrate-dev/narrate/store"
)

func TestWrite(t *testing.T) {
	ctx := context.Background()
	for _, loc := range []string{"mem://", filepath.Join(t.TempDir(), "objects")} {
		b, err := store.Open(ctx, loc, store.Options{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := store.Write(ctx, b, "a.json", strings.NewReader(`{"v":1}`), store.WriteOptions{ContentType: "application/json"}); err != nil {
			t.Fatalf("%s: %v", loc, err)
		}
		// A reader failing midway leaves the old object, not a part.
		failing := io.MultiReader(strings.NewReader(`{"v":`), iotest.ErrReader(errors.New("disk gone")))
		if err := store.Write(ctx, b, "a.json", failing, store.WriteOptions{}); err == nil {
			t.Fatalf("%s: a failing reader wrote", loc)
		}
		if got, err := b.ReadAll(ctx, "a.json"); err != nil || string(got) != `{"v":1}` {
			t.Errorf("%s: after a failed write the object is %q, %v; want the old one", loc, got, err)
		}
		// IfNotExist refuses to replace.
		err = store.Write(ctx, b, "a.json", strings.NewReader("new"), store.WriteOptions{IfNotExist: true})
		if !errors.Is(err, store.ErrExists) {
			t.Errorf("%s: IfNotExist over an object: %v, want ErrExists", loc, err)
		}
		if err := store.Write(ctx, b, "b.txt", strings.NewReader("new"), store.WriteOptions{IfNotExist: true}); err != nil {
			t.Errorf("%s: IfNotExist on a new name: %v", loc, err)
		}
	}
}
