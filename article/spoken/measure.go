package spoken

var percentRe = `^([-−+])?(NUM) ?(%|per ?cent\b|percent\b|Prozent\b|pour ?cent\b)`

// percent reads "5%", "-3.5%", "12 per cent".
func (n *Normalizer) percent(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(l.re(percentRe), text, i)
	if !ok {
		return token{}, false
	}
	a, ok := l.parseAmount(g[2])
	if !ok {
		return token{}, false
	}
	say := l.spell(a, plain) + " " + l.w.percent
	if g[1] != "" && g[1] != "+" {
		say = l.w.minus + " " + say
	}
	return token{end, say, "percent"}, true
}

var measureRe = `^([-−+])?(NUM) ?(°[CF]|°|[[:alpha:]µ]+(?:/[[:alpha:]]+)?[²³23]?)`

// measure reads a number with a unit from the language's table: "5 km",
// "-5°C", "60 mph", "3.5 kg".
func (n *Normalizer) measure(text string, i int) (token, bool) {
	l := n.l
	if l.units == nil {
		return token{}, false
	}
	g, end, ok := find(l.re(measureRe), text, i)
	if !ok {
		return token{}, false
	}
	u, ok := l.units[g[3]]
	if !ok {
		return token{}, false
	}
	a, ok := l.parseAmount(g[2])
	if !ok {
		return token{}, false
	}
	say := l.spell(a, u.g) + " " + pick(a.frac == "" && a.value() == 1, u.one, u.many)
	if g[1] != "" && g[1] != "+" {
		say = l.w.minus + " " + say
	}
	return token{end, keepStop(text, end, say), "measure"}, true
}
