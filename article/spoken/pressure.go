package spoken

import "regexp"

// bloodPressureRe is a blood pressure: the systolic and the diastolic
// pressure, maybe with the unit ("120/80 mmHg", "140/90").
var bloodPressureRe = regexp.MustCompile(`^(\d{2,3})/(\d{2,3})(?: ?(mmHg|mm Hg))?\b`)

// bloodPressure reads "120/80 mmHg" as a blood pressure is said: the two
// numbers with the language's "over" between ("one hundred twenty over
// eighty millimeters of mercury", "hundertzwanzig zu achtzig", "cento
// venti su ottanta"). Without the unit, only in a sentence about blood
// pressure ("a reading of 140/90"); a higher second number is no
// pressure.
func (n *Normalizer) bloodPressure(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(bloodPressureRe, text, i)
	if !ok || end < len(text) && text[end] == '/' {
		return token{}, false
	}
	sys, dia := atoi(g[1]), atoi(g[2])
	if dia >= sys || sys < 60 || sys > 300 || dia < 30 {
		return token{}, false
	}
	if g[3] == "" && !sentenceHas(text, i, end, pressureCues) {
		return token{}, false
	}
	say := l.cardinal(uint64(sys), plain) + " " + l.w.over + " " + l.cardinal(uint64(dia), plain)
	if g[3] != "" {
		if u, ok := l.units["mmHg"]; ok {
			say += " " + u.many
		} else {
			end -= len(g[3]) // the unit stays as written
			for end > i && text[end-1] == ' ' {
				end--
			}
		}
	}
	return token{end, say, "measure"}, true
}

// pressureCues are the words, in every language, of a sentence about
// blood pressure.
var pressureCues = setOf("blood", "pressure", "systolic", "diastolic", "hypertension", "blutdruck", "blutdrucks",
	"systolisch", "diastolisch", "bluthochdruck", "hypertonie", "tension", "artérielle", "systolique",
	"diastolique", "presión", "tensión", "arterial", "sistólica", "diastólica", "hipertensión", "pressione",
	"arteriosa", "sistolica", "diastolica", "ipertensione")
