package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenCreatesOnlyWhenAsked(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "a", "b")
	if _, err := Open(ctx, dir, Options{}); err == nil || !strings.Contains(err.Error(), "no such directory") {
		t.Fatalf("Open without Create = %v; want no such directory", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Fatal("Open without Create made the directory")
	}
	b, err := Open(ctx, "file://"+dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.WriteAll(ctx, "x/y.json", []byte("{}"), nil); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if _, err := os.Stat(filepath.Join(dir, "x", "y.json")); err != nil {
		t.Fatalf("object not where the URL says: %v", err)
	}
	b, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("existing directory: %v", err)
	}
	b.Close()
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "afile")
	os.WriteFile(file, nil, 0o644)
	for _, tc := range []struct{ loc, want string }{
		{"", "no storage location"},
		{"azblob://c", "not built in"},
		{"file://host/dir", "no host"},
		{"file:///x?create_dir=1", "no options"},
		{"gs://", "no bucket"},
		{file, "not a directory"},
		{"s3://user:secret@bucket/x?bad=1", "credentials"},
	} {
		b, err := Open(ctx, tc.loc, Options{})
		if err == nil {
			b.Close()
			t.Errorf("Open(%q) succeeded", tc.loc)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) = %v; want %q and no secret", tc.loc, err, tc.want)
		}
	}
}

func ExampleOpen() {
	ctx := context.Background()
	b, err := Open(ctx, "mem://", Options{})
	if err != nil {
		panic(err)
	}
	defer b.Close()
	b.WriteAll(ctx, "story.json", []byte(`{"title":"Tides"}`), nil)
	data, _ := b.ReadAll(ctx, "story.json")
	os.Stdout.Write(append(data, '\n'))
	// Output: {"title":"Tides"}
}
