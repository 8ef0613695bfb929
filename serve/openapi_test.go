package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// apiDoc is openapi.json, decoded.
func apiDoc(t testing.TB) map[string]any {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

// docPath is the OpenAPI path of a ServeMux pattern's path.
func docPath(p string) string { return strings.ReplaceAll(p, "...}", "}") }

// TestOpenAPIInStep: openapi.json describes exactly the server's
// operations, and its schemas exactly the fields of the request and of the
// answers.
func TestOpenAPIInStep(t *testing.T) {
	doc := apiDoc(t)
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi %q, want 3.1.x", v)
	}
	var documented []string
	for path, item := range doc["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			if method != "parameters" {
				documented = append(documented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	h := newHarness(t, harnessOptions{workers: -1})
	var served []string
	for _, rt := range h.srv.apiRoutes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		served = append(served, method+" "+docPath(path))
		if method == http.MethodGet {
			// ServeMux serves HEAD on every GET pattern.
			served = append(served, http.MethodHead+" "+docPath(path))
		}
	}
	sort.Strings(documented)
	sort.Strings(served)
	if !slices.Equal(documented, served) {
		t.Errorf("operations documented:\n%s\nserved:\n%s", strings.Join(documented, "\n"), strings.Join(served, "\n"))
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for name, v := range map[string]any{"Request": Request{}, "Narration": Narration{}, "Links": Links{}} {
		props := schemas[name].(map[string]any)["properties"].(map[string]any)
		var inDoc, inGo []string
		for p := range props {
			inDoc = append(inDoc, p)
		}
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			inGo = append(inGo, tag)
		}
		sort.Strings(inDoc)
		sort.Strings(inGo)
		if !slices.Equal(inDoc, inGo) {
			t.Errorf("schema %s has %v, the Go type %v", name, inDoc, inGo)
		}
	}
}

// TestOpenAPIDescribesAnswers: the server's answers to a tour of the API
// (successes and errors of every operation) are what openapi.json says:
// a documented status code and content type, and a body its schema holds.
func TestOpenAPIDescribesAnswers(t *testing.T) {
	doc := apiDoc(t)
	h := newHarness(t, harnessOptions{})
	resp := h.do("GET", "/v1/openapi.json", nil, "-")
	served, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(served) != string(openAPIDoc) {
		t.Fatalf("GET /v1/openapi.json: %s", resp.Status)
	}
	_, n := h.post(Request{Text: articleText(70), Key: "tour/a"})
	done := h.wait(n.ID)
	_, gone := h.post(Request{Text: articleText(71), Key: "tour/b"})
	h.wait(gone.ID)
	id0 := strings.Repeat("0", 64)
	tour := []struct {
		method, path string
		body         any
		key          string
		hdr          []string
	}{
		{"POST", "/v1/narrations", Request{Text: articleText(72)}, "", nil},
		{"POST", "/v1/narrations", Request{Markdown: "# Tour\n\n" + articleText(73)}, "", nil},
		{"POST", "/v1/narrations", Request{Markdown: "# Tour", Text: "Tour"}, "", nil},
		{"POST", "/v1/narrations", Request{Text: articleText(70)}, "", nil},
		{"POST", "/v1/narrations", `{"text":1}`, "", nil},
		{"POST", "/v1/narrations", Request{Text: articleText(70)}, "-", nil},
		{"POST", "/v1/narrations", Request{Text: articleText(70)}, "", []string{"Content-Type", "text/plain"}},
		{"POST", "/v1/narrations", Request{Text: "  "}, "", nil},
		{"GET", "/v1/narrations/" + n.ID, nil, "", nil},
		{"GET", "/v1/narrations/" + id0, nil, "", nil},
		{"GET", "/v1/narrations/" + n.ID, nil, "-", nil},
		{"GET", done.Links.Audio, nil, "", nil},
		{"GET", done.Links.Audio, nil, "", []string{"Range", "bytes=0-99"}},
		{"GET", done.Links.Audio, nil, "", []string{"Range", "bytes=99999999-"}},
		{"GET", done.Links.Timings, nil, "", nil},
		{"GET", done.Links.Captions, nil, "", nil},
		{"GET", done.Links.Chapters, nil, "", nil},
		{"GET", "/v1/narrations/" + n.ID + "/audio.wav", nil, "", nil},
		{"GET", "/v1/articles/tour/a", nil, "", nil},
		{"GET", "/v1/articles/tour/none", nil, "", nil},
		{"GET", "/v1/voices", nil, "", nil},
		{"GET", "/healthz", nil, "-", nil},
		{"GET", "/readyz", nil, "-", nil},
		{"GET", "/metrics", nil, "-", nil},
		{"GET", "/player.js", nil, "-", nil},
		{"GET", "/listen/" + n.ID, nil, "", nil},
		{"GET", "/listen/" + id0, nil, "", nil},
		{"DELETE", "/v1/articles/tour/b", nil, "", nil},
		{"DELETE", "/v1/articles/tour/b", nil, "", nil},
		{"DELETE", "/v1/narrations/" + id0, nil, "", nil},
		{"DELETE", "/v1/narrations/" + n.ID, nil, "-", nil},
	}
	for _, c := range tour {
		resp := h.do(c.method, c.path, c.body, c.key, c.hdr...)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err := checkAnswer(doc, c.method, c.path, resp, body); err != nil {
			t.Errorf("%s %s: %s: %v", c.method, c.path, resp.Status, err)
		}
	}
}

// TestOpenAPIDescribesEdges: the answers at the API's edges (conditional
// and partial reads, HEAD, bodies the server refuses for their size,
// their form or their rate) are what openapi.json says too.
func TestOpenAPIDescribesEdges(t *testing.T) {
	doc := apiDoc(t)
	h := newHarness(t, harnessOptions{opts: func(o *Options) { o.Rate, o.Burst, o.MaxBody = 0.001, 7, 4096 }})
	_, n := h.post(Request{Text: articleText(80), Key: "edge/a"})
	done := h.wait(n.ID)
	etag := `"` + done.ID + `"`
	tour := []struct {
		method, path string
		body         any
		hdr          []string
	}{
		{"GET", done.Links.Audio, nil, []string{"If-None-Match", etag}},
		{"GET", done.Links.Audio, nil, []string{"Range", "bytes=0-9,20-29"}},
		{"GET", done.Links.Audio, nil, []string{"Range", "bytes=-10"}},
		{"GET", done.Links.Audio, nil, []string{"Range", "bytes=abc"}},
		{"HEAD", done.Links.Audio, nil, nil},
		{"HEAD", done.Links.Audio, nil, []string{"Range", "bytes=0-9"}},
		{"HEAD", done.Links.Audio, nil, []string{"Range", "bytes=99999999-"}},
		{"HEAD", done.Links.Audio, nil, []string{"If-None-Match", etag}},
		{"HEAD", done.Links.Timings, nil, nil},
		{"HEAD", done.Links.Captions, nil, nil},
		{"HEAD", done.Links.Chapters, nil, nil},
		{"HEAD", "/v1/narrations/" + done.ID + "/nothing.txt", nil, nil},
		{"HEAD", "/v1/narrations/" + done.ID, nil, nil},
		{"HEAD", "/v1/narrations/" + strings.Repeat("0", 64), nil, nil},
		{"HEAD", "/v1/articles/edge/a", nil, nil},
		{"HEAD", "/v1/articles/edge/none", nil, nil},
		{"HEAD", "/v1/voices", nil, nil},
		{"HEAD", "/v1/openapi.json", nil, nil},
		{"HEAD", "/healthz", nil, nil},
		{"HEAD", "/readyz", nil, nil},
		{"HEAD", "/metrics", nil, nil},
		{"HEAD", "/player.js", nil, nil},
		{"HEAD", "/listen/" + done.ID, nil, nil},
		{"HEAD", "/listen/" + strings.Repeat("0", 64), nil, nil},
		{"GET", done.Links.Timings, nil, []string{"Range", "bytes=0-9"}},
		{"GET", "/v1/narrations/" + done.ID + "/nothing.txt", nil, nil},
		{"GET", "/v1/articles/edge%2Fa", nil, nil},
		{"POST", "/v1/narrations", "", nil},
		{"POST", "/v1/narrations", `{"text":`, nil},
		{"POST", "/v1/narrations", `{"text":"a","text":"b"}`, nil},
		{"POST", "/v1/narrations", Request{Text: strings.Repeat("Long enough. ", 400)}, nil},
		{"POST", "/v1/narrations", Request{Text: articleText(81)}, []string{"Content-Type", ""}},
		{"POST", "/v1/narrations", Request{Text: articleText(82), Lang: "no language"}, nil},
		{"POST", "/v1/narrations", Request{Text: articleText(83)}, nil}, // over the burst: 429
	}
	for _, c := range tour {
		resp := h.do(c.method, c.path, c.body, "", c.hdr...)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err := checkAnswer(doc, c.method, c.path, resp, body); err != nil {
			t.Errorf("%s %s %v: %s: %v", c.method, c.path, c.hdr, resp.Status, err)
		}
		if resp.StatusCode == http.StatusTooManyRequests && resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s %s: 429 without Retry-After", c.method, c.path)
		}
		t.Logf("%s %s %v: %s", c.method, c.path, c.hdr, resp.Status)
	}
}

// checkAnswer checks resp against the operation of openapi.json that
// serves method and path: its status, its required headers and their
// patterns, its content type and its body. A HEAD answer is checked
// against the head operation, and has no body (RFC 9110, 9.3.2).
func checkAnswer(doc map[string]any, method, path string, resp *http.Response, body []byte) error {
	head := method == http.MethodHead
	if head && len(body) > 0 {
		return fmt.Errorf("a body in answer to HEAD: %.100s", body)
	}
	op, err := findOperation(doc, method, path)
	if err != nil {
		return err
	}
	responses := op["responses"].(map[string]any)
	r, ok := responses[strconv.Itoa(resp.StatusCode)].(map[string]any)
	if !ok {
		return fmt.Errorf("status %d is not documented", resp.StatusCode)
	}
	r = resolve(doc, r)
	headers, _ := r["headers"].(map[string]any)
	for name, hv := range headers {
		hd := resolve(doc, hv.(map[string]any))
		got := resp.Header.Get(name)
		if got == "" {
			if hd["required"] == true {
				return fmt.Errorf("no %s header", name)
			}
			continue
		}
		schema, _ := hd["schema"].(map[string]any)
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(got) {
			return fmt.Errorf("%s: %q does not match %s", name, got, p)
		}
	}
	content, _ := r["content"].(map[string]any)
	if len(content) == 0 {
		if len(body) > 0 {
			return fmt.Errorf("a body where none is documented: %.100s", body)
		}
		return nil
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	media, ok := content[mt].(map[string]any)
	if !ok {
		return fmt.Errorf("content type %q is not documented", mt)
	}
	if !strings.Contains(mt, "json") || head {
		return nil
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("body is not JSON: %v", err)
	}
	return validate(doc, media["schema"].(map[string]any), v, "body")
}

func findOperation(doc map[string]any, method, path string) (map[string]any, error) {
	path, _, _ = strings.Cut(path, "?")
	for p, item := range doc["paths"].(map[string]any) {
		re := "^" + regexp.MustCompile(`\\\{[a-z]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), "[^/]+") + "$"
		if p == "/v1/articles/{key}" {
			re = "^/v1/articles/.+$"
		}
		if regexp.MustCompile(re).MatchString(path) {
			if op, ok := item.(map[string]any)[strings.ToLower(method)].(map[string]any); ok {
				return op, nil
			}
		}
	}
	return nil, fmt.Errorf("no operation documented")
}

// resolve follows a $ref within doc.
func resolve(doc map[string]any, v map[string]any) map[string]any {
	for {
		ref, ok := v["$ref"].(string)
		if !ok {
			return v
		}
		var cur any = doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			cur = cur.(map[string]any)[part]
		}
		v = cur.(map[string]any)
	}
}

// validate checks v against the subset of JSON Schema openapi.json uses
// for answers: type, required, properties, additionalProperties, items,
// enum, pattern, minimum and minLength.
func validate(doc map[string]any, schema map[string]any, v any, at string) error {
	schema = resolve(doc, schema)
	if typ, ok := schema["type"].(string); ok {
		okType := false
		switch typ {
		case "object":
			_, okType = v.(map[string]any)
		case "array":
			_, okType = v.([]any)
		case "string":
			_, okType = v.(string)
		case "number":
			_, okType = v.(float64)
		case "integer":
			f, isNum := v.(float64)
			okType = isNum && f == float64(int64(f))
		case "boolean":
			_, okType = v.(bool)
		}
		if !okType {
			return fmt.Errorf("%s: %T, want %s", at, v, typ)
		}
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Errorf("%s: %v not in %v", at, v, enum)
	}
	if s, ok := v.(string); ok {
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(s) {
			return fmt.Errorf("%s: %q does not match %s", at, s, p)
		}
		if m, ok := schema["minLength"].(float64); ok && float64(len([]rune(s))) < m {
			return fmt.Errorf("%s: shorter than %v", at, m)
		}
		if schema["format"] == "date-time" {
			if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
				return fmt.Errorf("%s: %v", at, err)
			}
		}
	}
	if f, ok := v.(float64); ok {
		if m, ok := schema["minimum"].(float64); ok && f < m {
			return fmt.Errorf("%s: %v under %v", at, f, m)
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := schema["properties"].(map[string]any)
		for _, r := range asStrings(schema["required"]) {
			if _, ok := obj[r]; !ok {
				return fmt.Errorf("%s: lacks %q", at, r)
			}
		}
		for k, val := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if schema["additionalProperties"] == false {
					return fmt.Errorf("%s: %q is not documented", at, k)
				}
				continue
			}
			if err := validate(doc, ps, val, at+"."+k); err != nil {
				return err
			}
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := schema["items"].(map[string]any); ok {
			for i, e := range arr {
				if err := validate(doc, items, e, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func asStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, e := range list {
		out = append(out, e.(string))
	}
	return out
}

// TestOpenAPIRequestSources: the Request schema's oneOf names exactly the
// article fields ParseRequest takes, each branch refusing the others, and
// every example of the schema is a request ParseRequest accepts.
func TestOpenAPIRequestSources(t *testing.T) {
	req := apiDoc(t)["components"].(map[string]any)["schemas"].(map[string]any)["Request"].(map[string]any)
	var branches []string
	for _, b := range req["oneOf"].([]any) {
		b := b.(map[string]any)
		name := asStrings(b["required"])
		if len(name) != 1 {
			t.Fatalf("oneOf branch requires %v, want one field", name)
		}
		branches = append(branches, name[0])
		var refused []string
		for _, o := range b["not"].(map[string]any)["anyOf"].([]any) {
			refused = append(refused, asStrings(o.(map[string]any)["required"])...)
		}
		branches = append(branches, "!"+strings.Join(refused, "!"))
	}
	sources := []string{"text", "html", "markdown", "url"}
	var want []string
	for _, s := range sources {
		want = append(want, s)
		var others []string
		for _, o := range sources {
			if o != s {
				others = append(others, o)
			}
		}
		want = append(want, "!"+strings.Join(others, "!"))
	}
	if !slices.Equal(branches, want) {
		t.Errorf("oneOf %v, want %v", branches, want)
	}
	for _, s := range sources {
		body, _ := json.Marshal(map[string]string{s: "https://news.example/a"})
		r, err := ParseRequest(body)
		if err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		if got := r.sources(); len(got) != 1 || got[0] != strconv.Quote(s) {
			t.Errorf("%s: read as %v", body, got)
		}
	}
	for i, ex := range req["examples"].([]any) {
		body, _ := json.Marshal(ex)
		if _, err := ParseRequest(body); err != nil {
			t.Errorf("example %d: %v", i, err)
		}
	}
}
