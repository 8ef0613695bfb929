package article

import (
	"context"
	"strings"
	"testing"
)

// Chinese and Japanese pages narrate with their paragraphs, without the
// navigation, related links and footer around them.
func TestLoadCJKPages(t *testing.T) {
	tests := []struct {
		file, title, lang string
		first, last       string
		paragraphs        int
		debris            []string
	}{
		{"testdata/cjk/zh-news.html", "山城小镇新建图书馆正式开放", "zh-CN",
			"经过两年的建设，山城镇的新图书馆于周六上午正式向公众开放。",
			"人手到位后将考虑延长。", 5,
			[]string{"首页", "相关阅读", "县城公交线路调整", "分享到", "版权所有"}},
		{"testdata/cjk/ja-news.html", "港町の古い灯台、百年ぶりに修復へ", "ja",
			"海沿いの小さな町に立つ白い灯台が",
			"静かな港の暮らしは守りたいという声もある。", 5,
			[]string{"トップ", "ログイン", "関連記事", "漁港の朝市が再開", "Copyright"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			doc, err := Load(context.Background(), tt.file, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || doc.Lang != tt.lang {
				t.Errorf("title %q lang %q, want %q %q", doc.Title, doc.Lang, tt.title, tt.lang)
			}
			var paras []string
			for _, b := range doc.Blocks {
				if b.Kind == KindParagraph {
					paras = append(paras, b.Text)
				}
			}
			all := strings.Join(paras, "\n")
			if len(paras) != tt.paragraphs || !strings.HasPrefix(paras[0], tt.first) || !strings.HasSuffix(paras[len(paras)-1], tt.last) {
				t.Errorf("%d paragraphs, want %d from %q to %q:\n%s", len(paras), tt.paragraphs, tt.first, tt.last, all)
			}
			for _, d := range tt.debris {
				if strings.Contains(all, d) {
					t.Errorf("debris %q kept:\n%s", d, all)
				}
			}
			for _, p := range paras {
				if strings.Contains(p, " ") {
					t.Errorf("space inserted in %q", p)
				}
			}
		})
	}
}

// Sentences end at 。！？ as at . ! ?, closing brackets included.
func TestSentencesCJK(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"新馆共有三层。馆长说：“欢迎大家！”有人问，周末开放吗？开放。",
			[]string{"新馆共有三层。", "馆长说：“欢迎大家！”", "有人问，周末开放吗？", "开放。"}},
		{"工事は来月始まる。漁師は「ずっと残ってほしい！」と語った。本当か？",
			[]string{"工事は来月始まる。", "漁師は「ずっと残ってほしい！」と語った。", "本当か？"}},
	}
	for _, tt := range tests {
		got := SentenceTexts(tt.text, "")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"The council met on Tuesday.", 5},
		{"Der Rat tagte am Dienstag.", 5},
		{"首页", 1},
		{"新馆共有三层，藏书约八万册。", 6},
		{"工事は来月始まる。", 4},
		{"กรุงเทพมหานคร", 3},
		{"", 0},
	}
	for _, tt := range tests {
		if got := wordCount(tt.text); got != tt.want {
			t.Errorf("wordCount(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	if got := cleanInline("新馆共有\n三层。 The  end"); got != "新馆共有三层。 The end" {
		t.Errorf("cleanInline = %q", got)
	}
}

// A language without a known word for "By" gets the byline alone: an
// English "By" before a name read by, say, a Swahili voice is what issue 13
// set out to stop.
func TestBylineWordByLanguage(t *testing.T) {
	for lang, want := range map[string]string{"": "By Ana Ruiz", "en-GB": "By Ana Ruiz", "fr": "Par Ana Ruiz", "de-AT": "Von Ana Ruiz", "es": "Por Ana Ruiz", "xx": "Ana Ruiz"} {
		d := Document{Title: "T", Byline: "Ana Ruiz", Lang: lang}
		if got := d.Script()[1].Spoken; got != want {
			t.Errorf("lang %q: %q, want %q", lang, got, want)
		}
	}
}
