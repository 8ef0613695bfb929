package spoken

// English, round eighteen: a measure after "a" or "an" is its noun's
// adjective even when the noun is also a verb, a height before its noun
// is said the way people say it, and a range of times marks its half of
// the day once, at its end.
func init() {
	addTable("en", []category{
		{name: "measure", cases: []spokenCase{
			// After "a", an amount other than one can only describe the
			// word after it, even "can": no "a twelve ounces".
			{"She opened a 12 oz can of beans.", "She opened a twelve-ounce can of beans."},
			{"Tip in a 14 oz can of tomatoes.", "Tip in a fourteen-ounce can of tomatoes."},
			// Without the article, "can" and "will" are verbs.
			{"The 5 kg can be lifted by one person.", "The five kilograms can be lifted by one person."},
			{"Only 12 oz will fit in the jar.", "Only twelve ounces will fit in the jar."},
			{"You can lift 5 kg can you?", "You can lift five kilograms can you?"},
			// A height before its noun: a six-foot-two man.
			{"Police sought a 6ft 2in man in a grey coat.", "Police sought a six-foot-two man in a grey coat."},
			{"She is 5ft 9in tall.", "She is five feet nine inches tall."},
			{"a 6ft man", "a six-foot man"},
		}},
		{name: "time", cases: []spokenCase{
			// A range whose first end has its minutes and no marker of
			// its own shares the second's.
			{"Doors open 7.30-10.45pm.", "Doors open seven thirty to ten forty-five PM."},
			{"The shop opens 9:30-11am daily.", "The shop opens nine thirty to eleven AM daily."},
			{"The clinic runs 10:30-2pm on Fridays.", "The clinic runs ten thirty to two PM on Fridays."},
			// A 24-hour end marked p.m. contradicts itself: left.
			{"open 9:00-17:00 p.m. daily", "open 9:00-17:00 p.m. daily"},
		}},
	})
}
