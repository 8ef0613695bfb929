package spoken

// English, round seventeen: the forms of business, aviation, science and
// listings news that round sixteen left misread, each case a sentence of
// news text and what a newsreader says; the near-misses that must stay as
// they were sit next to them.
func init() {
	addTable("en", []category{
		{name: "quarter", cases: []spokenCase{
			// A half of a business year is read as its label, as a
			// quarter is, before its year.
			{"Revenue in H1 2024 rose.", "Revenue in H one twenty twenty-four rose."},
			{"Revenue in 2H 2023 fell.", "Revenue in H two twenty twenty-three fell."},
			// A year's two digits glued to the label, or after an
			// apostrophe, are its year.
			{"Revenue in 1H24 rose.", "Revenue in H one twenty-four rose."},
			{"Revenue in 3Q24 rose.", "Revenue in Q three twenty-four rose."},
			{"Revenue in Q3'24 rose.", "Revenue in Q three twenty-four rose."},
			{"Revenue in Q4’05 fell.", "Revenue in Q four oh five fell."},
			{"the 3Q sales", "the Q three sales"},
			// No year: hydrogen, a heading, a virus, a code.
			{"H2 fuel cells", "H2 fuel cells"},
			{"an H1 heading", "an H1 heading"},
			{"the H1N1 virus", "the H1N1 virus"},
			{"the 5H24 code", "the 5H24 code"},
		}},
	})
}
