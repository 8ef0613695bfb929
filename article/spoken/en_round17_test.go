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
		{name: "model", cases: []spokenCase{
			// A model and its variant after a hyphen: no span, no score.
			{"The Boeing 787-9 landed.", "The Boeing seven eighty-seven nine landed."},
			{"a Boeing 737-800 jet", "a Boeing seven thirty-seven eight hundred jet"},
			{"a Boeing 777-300ER jet", "a Boeing seven seventy-seven three hundred E R jet"},
			{"The 787-9 Dreamliner flew.", "The seven eighty-seven nine Dreamliner flew."},
			{"Its 787-9s were grounded.", "Its seven eighty-seven nines were grounded."},
			// A vote, a game, odds and an innings stay tallies.
			{"The House voted 421-7 to pass it.", "The House voted four hundred twenty-one to seven to pass it."},
			{"The bill passed 418-3 on Tuesday.", "The bill passed four hundred eighteen to three on Tuesday."},
			{"The Lakers won 112-4.", "The Lakers won one hundred twelve to four."},
			{"a 100-1 outsider", "a one hundred to one outsider"},
			{"India were 103-9 at lunch.", "India were one hundred three to nine at lunch."},
			{"the 1914-18 war", "the nineteen fourteen to eighteen war"},
			// A span of pages written short stays one, as "pp. 112-15" is.
			{"It cited pp. 787-9 of it.", "It cited pages seven hundred eighty-seven to nine of it."},
		}},
		{name: "date", cases: []spokenCase{
			// Full stops between a date's numbers: day first, in the
			// United States too, where dates are written with slashes.
			{"The law took effect on 05.03.2024.", "The law took effect on March fifth, twenty twenty-four."},
			{"on 3.4.2020 it began", "on April third, twenty twenty it began"},
			{"on 12.25.2020", "on December twenty-fifth, twenty twenty"},
			// A version, an address and a short triple stay.
			{"version 1.2.2020", "version one point two point two thousand twenty"},
			{"The IP was 10.0.0.1 today.", "The IP was ten dot zero dot zero dot one today."},
			{"It was 1.5.10 then.", "It was one point five point ten then."},
		}},
		{name: "date", lang: "en-GB", cases: []spokenCase{
			{"version 1.2.2020", "version one point two point two thousand and twenty"},
			{"on 05.03.2024", "on the fifth of March twenty twenty-four"},
		}},
		{name: "time", cases: []spokenCase{
			// A zone after a time of day in words is named, as after
			// one in digits.
			{"The deadline is noon ET.", "The deadline is noon Eastern Time."},
			{"It starts at midnight PT on Friday.", "It starts at midnight Pacific Time on Friday."},
			{"at 8 o'clock ET", "at eight o'clock Eastern Time"},
			{"at 12 noon ET.", "at twelve noon Eastern Time."},
			// Elsewhere the letters stay.
			{"The PT session was at noon.", "The PT session was at noon."},
			{"after noon ETs", "after noon ETs"},
		}},
		{name: "math", cases: []spokenCase{
			// A sign that compares before a number: its math words
			// between two terms, its prose words glued to the number.
			{"x > 5 and y < 3", "x greater than five and y less than three"},
			{"The effect held (p < 0.05).", "The effect held (p less than zero point zero five)."},
			{"a ratio ≥ 2", "a ratio greater than or equal to two"},
			{"temperatures ≤ 0°C", "temperatures less than or equal to zero degrees Celsius"},
			{"Children <5 years old were tested.", "Children less than five years old were tested."},
			{"Crowds of >50,000 gathered.", "Crowds of more than fifty thousand gathered."},
			{"It fell to <2%.", "It fell to less than two percent."},
			{"It costs < $10.", "It costs less than ten dollars."},
			{"Adults ≥65 years qualify.", "Adults at least sixty-five years qualify."},
			// "±" spaced from its number, and the square root.
			{"The margin of error is ± 3 points.", "The margin of error is plus or minus three points."},
			{"√2 is irrational.", "The square root of two is irrational."},
			// Only a sentence's first word takes a capital.
			{"with stress (≥14 on the scale)", "with stress (at least fourteen on the scale)"},
			{"THD: <3 percent", "THD: less than three percent"},
			// A tag, an arrow, a sign before no number stay.
			{"the <b>bold</b> text", "the <b>bold</b> text"},
			{"a -> b", "a -> b"},
			{"a ≥ b", "a ≥ b"},
		}},
		{name: "money", cases: []spokenCase{
			// A range of amounts each with its scale.
			{"The fund needs $5m-$10m more.", "The fund needs five to ten million dollars more."},
			{"a £500m-£1bn deal", "a five hundred million to one billion pound deal"},
			{"It costs $1.5m-$1.8m.", "It costs one point five to one point eight million dollars."},
			{"a $5bn-10bn hole", "a five to ten billion dollar hole"},
			{"a US$2bn-US$3bn loan", "a two to three billion US dollar loan"},
			{"Fee: $55K–$70K", "Fee: fifty-five to seventy thousand dollars"},
			// A rate and a range written once stay as they were read.
			{"a $5m-a-year deal", "a five million dollar a year deal"},
			{"The deal is worth $5-10 million.", "The deal is worth five to ten million dollars."},
		}},
		{name: "telephone", cases: []spokenCase{
			// An extension written with an x, as after "ext.".
			{"Call 202-555-0143 x12 for details.", "Call two zero two, five five five, zero one four three extension twelve for details."},
			{"Call (202) 555-0143, x4 today.", "Call two zero two, five five five, zero one four three, extension four today."},
			{"Call +44 20 7946 0958 x200 now.", "Call plus four four, two zero, seven nine four six, zero nine five eight extension two hundred now."},
			{"Call 202-555-0143 ext. 12 now.", "Call two zero two, five five five, zero one four three extension twelve now."},
			// An x that starts a word, or with no number after it, stays.
			{"The 202-555-0143 x-ray line", "The two zero two, five five five, zero one four three x-ray line"},
			{"Call 202-555-0143 x now.", "Call two zero two, five five five, zero one four three x now."},
		}},
		{name: "year", cases: []spokenCase{
			// A fiscal year over two calendar years, as a season's
			// are said.
			{"In FY2024/25 revenue rose.", "In fiscal year twenty twenty-four twenty-five revenue rose."},
			{"In FY24/25 revenue rose.", "In fiscal year twenty-four twenty-five revenue rose."},
			{"In FY2024-25 revenue rose.", "In fiscal year twenty twenty-four to twenty-five revenue rose."},
			{"In FY 2024/25 revenue rose.", "In fiscal year twenty twenty-four twenty-five revenue rose."},
			{"In FY1999/00 it fell.", "In fiscal year nineteen ninety-nine two thousand it fell."},
			// Years that do not follow each other stay as written.
			{"In FY2024/26 revenue rose.", "In FY2024/26 revenue rose."},
			{"In FY2025 revenue rose.", "In fiscal year twenty twenty-five revenue rose."},
		}},
		{name: "fraction", cases: []spokenCase{
			// A fraction joined by a hyphen to its noun: one adjective.
			{"a 3/4-inch pipe", "a three-quarter-inch pipe"},
			{"a 1/2-mile walk", "a half-mile walk"},
			{"a ½-inch gap", "a half-inch gap"},
			{"the 1/4-mile track", "the quarter-mile track"},
			{"a 2 1/2-hour meeting", "a two-and-a-half-hour meeting"},
			{"a ¼-acre lawn", "a quarter-acre lawn"},
			{"a 5/8-inch bolt", "a five-eighths-inch bolt"},
			{"a ½-in gap", "a half-inch gap"},
			// Names, dates and alternatives written with a slash stay.
			{"the post-9/11-era rules", "the post-9/11-era rules"},
			{"a 24/7-style service", "a 24/7-style service"},
			{"a 3/5-pin switch", "a 3/5-pin switch"},
			{"Windows 7 (32/64-bit)", "Windows seven (32/64-bit)"},
			{"a 2/3-seater sofa", "a 2/3-seater sofa"},
		}},
		{name: "decimal", cases: []spokenCase{
			// After a verb of change and "by" or "from", or before a
			// noun of amount, a number with a full stop is no time.
			{"It rose by 1.25 percentage points.", "It rose by one point two five percentage points."},
			{"Shares rose by 1.15 to 23.4.", "Shares rose by one point one five to twenty-three point four."},
			{"It grew by 2.45 times.", "It grew by two point four five times."},
			{"The index is up by 1.25 points.", "The index is up by one point two five points."},
			{"It fell from 2.30 to 1.15.", "It fell from two point three zero to one point one five."},
			// A time after "by", "at", "from" stays one.
			{"He arrived by 9.30.", "He arrived by nine thirty."},
			{"It must finish by 5.45 tonight.", "It must finish by five forty-five tonight."},
			{"The sun rose at 6.15 today.", "The sun rose at six fifteen today."},
			{"It ran from 9.30 until noon.", "It ran from nine thirty until noon."},
		}},
		// The range's scale in thousands is a number in French too, no
		// noun: "mille dollars", as one amount's is.
		{name: "money", lang: "fr", cases: []spokenCase{
			{"Frais : $55K–$70K", "Frais : cinquante-cinq à soixante-dix mille dollars"},
		}},
	})
}
