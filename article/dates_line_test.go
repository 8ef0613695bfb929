package article

import "testing"

func TestParseDateLine(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // "" when the line is not a date
	}{
		{"Sun. Apr 21st, 2024", "2024-04-21"},
		{"Sunday, April 21, 2024", "2024-04-21"},
		{"21 avril 2024", "2024-04-21"},
		{"dimanche 21 avril 2024", "2024-04-21"},
		{"2024-04-21", "2024-04-21"},
		{"Sonntag, 21. April 2024", "2024-04-21"},
		{"3. März 2024", "2024-03-03"},
		{"Mi., 3. Dez. 2025", "2025-12-03"},
		{"12. Jänner 2023", "2023-01-12"},
		{"21.04.2024", "2024-04-21"},
		{"domingo, 21 de abril de 2024", "2024-04-21"},
		{"1º de mayo de 2025", "2025-05-01"},
		{"3 ene 2024", "2024-01-03"},
		{"martedì 5 marzo 2024", "2024-03-05"},
		{"5 mag 2024", "2024-05-05"},
		{"giovedì, 12 settembre 2024", "2024-09-12"},
		// Not a date line: words besides the date.
		{"Der Rat tagt am 3. März 2024", ""},
		{"Lunes de sol", ""},
		{"Mai Thai", ""},
		{"So what happened on 3 March", ""},
	} {
		got, ok := parseDateLine(c.in)
		if c.want == "" {
			if ok {
				t.Errorf("parseDateLine(%q) = %s, want no date", c.in, got.Format("2006-01-02"))
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != c.want {
			t.Errorf("parseDateLine(%q) = %s, %v; want %s", c.in, got.Format("2006-01-02"), ok, c.want)
		}
	}
}
