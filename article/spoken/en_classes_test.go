package spoken

// English, audited by the semiotic classes of text-normalization work
// (cardinal, ordinal, decimal, fraction, money, measure, date, time,
// telephone, electronic, letters, verbatim, address, sports scores,
// Roman numerals, ranges, math): the common written forms of news text
// and near-misses that stay as written (letters and codes the engine
// reads: "the FBI", "COVID-19", "5G", "A4").
func init() {
	addTable("en", []category{
		// CARDINAL
		{name: "cardinal", cases: []spokenCase{
			{"The storm destroyed 4,312 homes.", "The storm destroyed four thousand three hundred twelve homes."},
			{"More than 10,000 people marched.", "More than ten thousand people marched."},
			{"The plant shed 650,000 jobs.", "The plant shed six hundred fifty thousand jobs."},
			{"The 3 suspects fled on foot.", "The three suspects fled on foot."},
			{"About 1 in 5 adults smoke.", "About one in five adults smoke."},
			{"The world population passed 8 billion.", "The world population passed eight billion."},
			{"Turnout was 17,003,112 voters.", "Turnout was seventeen million three thousand one hundred twelve voters."},
			{"The team has 53 players.", "The team has fifty-three players."},
		}},
		// ORDINAL
		{name: "ordinal", cases: []spokenCase{
			{"She finished 2nd in the final.", "She finished second in the final."},
			{"Hawaii became the 50th state.", "Hawaii became the fiftieth state."},
			{"the 73rd Academy Awards", "the seventy-third Academy Awards"},
			{"It was the 112th day of the strike.", "It was the one hundred twelfth day of the strike."},
			{"the 1st and 2nd floors", "the first and second floors"},
			{"the 3rd-largest city", "the third-largest city"},
			{"the 5th Circuit Court of Appeals", "the fifth Circuit Court of Appeals"},
			{"in the 20th and 21st centuries", "in the twentieth and twenty-first centuries"},
		}},
		// DECIMAL
		{name: "decimal", cases: []spokenCase{
			{"a magnitude 6.4 earthquake", "a magnitude six point four earthquake"},
			{"The index fell 1.07 points.", "The index fell one point zero seven points."},
			{"Pi is about 3.14.", "Pi is about three point one four."},
			{"a batting average of .312", "a batting average of point three one two"},
			{"The rate rose to 0.05 percent.", "The rate rose to zero point zero five percent."},
			{"It earned a 4.5-star rating.", "It earned a four point five-star rating."},
			{"a 2.0 release", "a two point zero release"},
		}},
		// FRACTION
		{name: "fraction", cases: []spokenCase{
			{"⅓ of the budget", "one third of the budget"},
			{"7/8 of the land", "seven eighths of the land"},
			{"It took 5 1/2 hours.", "It took five and a half hours."},
			{"a 1/4 stake", "a one-quarter stake"},
			{"two-thirds of voters", "two-thirds of voters"},
		}},
		// MONEY
		{name: "money", cases: []spokenCase{
			{"The campaign raised $3.2 million.", "The campaign raised three point two million dollars."},
			{"a $20 bill", "a twenty dollar bill"},
			{"It costs £12.99.", "It costs twelve pounds and ninety-nine pence."},
			{"a €2.5bn loan", "a two point five billion euro loan"},
			{"a $1.5 trillion plan", "a one point five trillion dollar plan"},
			{"He paid 50 cents.", "He paid fifty cents."},
			{"The fine was $25,000.", "The fine was twenty-five thousand dollars."},
			{"Gas hit $3.50/gallon.", "Gas hit three dollars and fifty cents per gallon."},
			{"The ticket was ₩15,000.", "The ticket was fifteen thousand won."},
			{"a 5p bag charge", "a five-pence bag charge"},
			{"It cost ₽500.", "It cost five hundred roubles."},
			{"a ₪40 fare", "a forty shekel fare"},
		}},
		// MEASURE
		{name: "measure", cases: []spokenCase{
			{"a glucose level of 100 mg/dL", "a glucose level of one hundred milligrams per deciliter"},
			{"an area of 50 km²", "an area of fifty square kilometers"},
			{"It was 95°F in Phoenix.", "It was ninety-five degrees Fahrenheit in Phoenix."},
			{"Take 5 mg daily.", "Take five milligrams daily."},
			{"a 2 TB drive", "a two-terabyte drive"},
			{"It holds 500 mL.", "It holds five hundred milliliters."},
			{"a 3.5 GHz chip", "a three point five-gigahertz chip"},
			{"It used 1,000 kWh.", "It used one thousand kilowatt hours."},
			{"Add 2 oz of butter.", "Add two ounces of butter."},
			{"winds of 120 km/h", "winds of one hundred twenty kilometers per hour"},
			{"The probe moves at 17 km/s.", "The probe moves at seventeen kilometers per second."},
			{"It weighs 12 lb.", "It weighs twelve pounds."},
			{"10 mi north of town", "ten miles north of town"},
			{"a 7.5 mmol/L reading", "a seven point five millimoles per liter reading"},
			{"It is 20 m² big.", "It is twenty square meters big."},
			{"Unemployment is at 4 per cent.", "Unemployment is at four percent."},
			{"a level of 2 ng/mL", "a level of two nanograms per milliliter"},
		}},
		// DATE
		{name: "date", cases: []spokenCase{
			{"on Dec. 5 the court ruled", "on December fifth the court ruled"},
			{"on the 5th of December", "on the fifth of December"},
			{"The law took effect 2024-03-15.", "The law took effect March fifteenth, twenty twenty-four."},
			{"music of the '90s", "music of the nineties"},
			{"a 19th-century house", "a nineteenth-century house"},
			{"in the 1800s", "in the eighteen hundreds"},
			{"the 1914-18 war", "the nineteen fourteen to eighteen war"},
			{"on Monday, Jan. 6, 2025", "on Monday, January sixth, twenty twenty-five"},
			{"in March 2020", "in March twenty twenty"},
			{"from Dec. 5-7", "from December fifth to seventh"},
			{"in 44 BC", "in forty-four B C"},
			{"in AD 79", "in A D seventy-nine"},
			{"from June 1 to Aug. 31", "from June first to August thirty-first"},
		}},
		// TIME
		{name: "time", cases: []spokenCase{
			{"at 15:00 GMT+1", "at fifteen hundred GMT plus one"},
			{"He finished in 1:45:30.", "He finished in one hour forty-five minutes and thirty seconds."},
			{"at 6:00 a.m. Friday", "at six AM Friday"},
			{"at 11:59 p.m.", "at eleven fifty-nine PM."},
			{"The market opens at 9:30 ET.", "The market opens at nine thirty Eastern Time."},
			{"at 12 noon", "at twelve noon"},
			{"at 0800 UTC", "at oh eight hundred UTC"},
			{"at 4 p.m. PST", "at four PM Pacific Standard Time"},
			{"at 7:45 p.m. local time", "at seven forty-five PM local time"},
			{"from 8:30 to 10 a.m.", "from eight thirty to ten AM."},
			{"Kolkata keeps UTC+5:30.", "Kolkata keeps UTC plus five thirty."},
			{"at 9 a.m. (UTC-3)", "at nine AM (UTC minus three)"},
			{"the UTC+25 typo", "the UTC+25 typo"},
		}},
		// TELEPHONE
		{name: "telephone", cases: []spokenCase{
			{"call +1 202-555-0143", "call plus one, two zero two, five five five, zero one four three"},
			{"dial +33 1 42 68 53 00", "dial plus three three, one, four two, six eight, five three, zero zero"},
			{"call 800-273-8255", "call eight zero zero, two seven three, eight two five five"},
			{"call 0800 123 4567", "call zero eight zero zero, one two three, four five six seven"},
			{"call 202.555.0143 today", "call two zero two, five five five, zero one four three today"},
		}},
		// ELECTRONIC
		{name: "web", cases: []spokenCase{
			{"visit www.nytimes.com", "visit nytimes dot com"},
			{"email press@un.org for details", "email press at un dot org for details"},
			{"see github.com/golang/go", "see github dot com slash golang slash go"},
			{"the #BlackLivesMatter movement", "the #BlackLivesMatter movement"},
			{"Update to v2.3.1 now.", "Update to version two point three point one now."},
			{"Apple released iOS 17.4.", "Apple released iOS seventeen point four."},
			{"the address 10.0.0.1", "the address ten dot zero dot zero dot one"},
		}},
		// LETTERS
		{name: "voice", cases: []spokenCase{
			{"the FBI said", "the FBI said"},
			{"NASA launched", "NASA launched"},
			{"the U.S. economy", "the U.S. economy"},
			{"She has a Ph.D. in physics.", "She has a Ph.D. in physics."},
			{"COVID-19 vaccines", "COVID-19 vaccines"},
			{"a 5G network", "a 5G network"},
			{"an MP3 file", "an MP3 file"},
			{"A4 paper", "A4 paper"},
			{"Tell us more.", "Tell us more."},
			{"the US economy", "the US economy"},
		}},
		// VERBATIM
		{name: "symbol", cases: []spokenCase{
			{"rock & roll", "rock and roll"},
			{"a 90° turn", "a ninety-degree turn"},
		}},
		// ADDRESS
		{name: "address", cases: []spokenCase{
			{"Route 66", "Route sixty-six"},
			{"along Highway 1", "along Highway one"},
			{"at 10 Downing Street", "at ten Downing Street"},
			{"at 350 Fifth Avenue", "at three fifty Fifth Avenue"},
		}},
		// SPORTS
		{name: "range", cases: []spokenCase{
			{"They beat Leeds 3-1.", "They beat Leeds three to one."},
			{"a 98-95 win", "a ninety-eight to ninety-five win"},
			{"Federer won 6-4, 7-5.", "Federer won six four, seven five."},
			{"The Lakers won 112-104.", "The Lakers won one hundred twelve to one hundred four."},
			{"a 2-2 draw", "a two two draw"},
			{"Swiatek won 6-0, 6-2.", "Swiatek won six love, six two."},
			{"a 6-4, 3-6, 7-6 (7-4) win", "a six four, three six, seven six (seven four) win"},
			{"Sinner won 6-4 3-6 6-3.", "Sinner won six four three six six three."},
			{"He won 6-4 in the final.", "He won six to four in the final."},
		}},
		// ROMAN
		{name: "roman", cases: []spokenCase{
			{"Chapter IV", "Chapter four"},
			{"Title IX", "Title nine"},
			{"Pope John Paul II", "Pope John Paul the second"},
			{"a Phase III trial", "a Phase three trial"},
			{"Article V of the Constitution", "Article five of the Constitution"},
			{"in Act II", "in Act two"},
			{"Type I diabetes", "Type one diabetes"},
			{"the LIV tour", "the LIV tour"},
			{"Rocky II", "Rocky II"},
		}},
		// RANGES
		{name: "range", cases: []spokenCase{
			{"It takes 3-4 weeks.", "It takes three to four weeks."},
			{"a 60/40 split", "a sixty forty split"},
			{"adults aged 18-35", "adults aged eighteen to thirty-five"},
			{"won by a 3-to-1 margin", "won by a three-to-one margin"},
			{"between 5 and 10%", "between five and ten percent"},
		}},
		// MATH
		{name: "math", cases: []spokenCase{
			{"x^2", "x squared"},
			{"10^6", "ten to the power of six"},
			{"2^10 bytes", "two to the power of ten bytes"},
			{"1.5e6", "one point five times ten to the power of six"},
			{"10^-3", "ten to the power of minus three"},
			{"10⁶ cells", "ten to the power of six cells"},
			{"6.02E23 atoms", "six point zero two times ten to the power of twenty-three atoms"},
			{"x⁴", "x to the power of four"},
			{"the study¹ found", "the study¹ found"},
			{"model 5E3", "model 5E3"},
			{"1e-9 seconds", "one times ten to the power of minus nine seconds"},
		}},
	})
}
