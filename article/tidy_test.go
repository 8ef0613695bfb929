package article

import "testing"

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"such as Al- Qaeda or the Taliban", "such as Al-Qaeda or the Taliban"},
		{"correspondent for Radio -Canada, in", "correspondent for Radio-Canada, in"},
		{"IS – and its branch – has", "IS – and its branch – has"},
		{"tend - not in its all - to", "tend – not in its all – to"},
		{"pre- and post-war", "pre- and post-war"},
		{"“Quoted” and ‘single’ it’s", `"Quoted" and 'single' it's`},
		{"« Bonjour »", `"Bonjour"`},
		{"full of jihadists .", "full of jihadists."},
		{"uses .NET daily", "uses .NET daily"},
		{"the\u00a0Soufran\u200b Cen\u00adter", "the Soufran Center"},
		{"  many \n\t spaces  ", "many spaces"},
		{"point. [...] This", "point. … This"},
		{"A- B- C", "A-B-C"},
	}
	for _, tt := range tests {
		got := Tidy(tt.in)
		if got != tt.want {
			t.Errorf("Tidy(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Tidy(got); again != got {
			t.Errorf("not idempotent: %q -> %q", got, again)
		}
	}
}
