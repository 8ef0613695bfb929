package spoken

// English, round eighteen: a measure after "a" or "an" is its noun's
// adjective even when the noun is also a verb, and a height before its
// noun is said the way people say it.
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
	})
}
