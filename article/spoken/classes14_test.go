package spoken

// Round fourteen: readings found wrong on English web pages of every kind
// (articles, services, products, documentation, forums), each case a
// sentence of our own and what a newsreader says, with the near-misses
// that must stay; and the Spanish leftovers of round thirteen.
func init() {
	addTable("en", []category{
		{name: "range", cases: []spokenCase{
			{"Estimates run 1.5-2.8 billion users.", "Estimates run one point five to two point eight billion users."},
			{"between 4.2–6 million homes", "between four point two and six million homes"},
			{"a 0.5-1.25 trillion gap", "a zero point five to one point two five trillion gap"},
			{"10-20 million people", "ten to twenty million people"},
			{"rated 6.5-7.5 by critics", "rated 6.5-7.5 by critics"},
			{"The trip takes 2.5-3 hours.", "The trip takes two point five to three hours."},
			{"expect 1.5–2 inches of rain", "expect one point five to two inches of rain"},
			{"It runs 10–100x faster.", "It runs ten to one hundred times faster."},
			{"firms valued at 20-25x earnings", "firms valued at twenty to twenty-five times earnings"},
			{"a 3x faster chip", "a three times faster chip"},
			{"fell from 3.9-2.5 billion", "fell from 3.9-2.5 billion"},
		}},
		{name: "rate", cases: []spokenCase{
			{"Plans cost $12/mo after the trial.", "Plans cost twelve dollars per month after the trial."},
			{"It rents for $900/wk in summer.", "It rents for nine hundred dollars per week in summer."},
			{"a fee of $40/yr", "a fee of forty dollars per year"},
		}},
		{name: "roman", cases: []spokenCase{
			{"The startup closed its Series C round.", "The startup closed its Series C round."},
			{"a Series D raise", "a Series D raise"},
			{"Medicare Part D plans", "Medicare Part D plans"},
			{"a USB Type C port", "a USB Type C port"},
			{"World War II veterans", "World War two veterans"},
			{"in Part IV of the report", "in Part four of the report"},
		}},
		{name: "time", cases: []spokenCase{
			{"The shares were trading at 14.35 on Monday.", "The shares were trading at fourteen point three five on Monday."},
			{"The group is valued at 3.20 per share.", "The group is valued at three point two zero per share."},
			{"it sits at 6.15 P/E today", "it sits at six point one five P/E today"},
			{"In versions before 2.14 the flag is off.", "In versions before two point fourteen the flag is off."},
			{"We meet at 4.15 on Friday.", "We meet at four fifteen on Friday."},
			{"Install Ansible 2.10 or later.", "Install Ansible two point ten or later."},
			{"Go releases after 1.21 add it.", "Go releases after one point twenty-one add it."},
			{"The train left at 7.30 and arrived by 9.45.", "The train left at seven thirty and arrived by nine forty-five."},
		}},
		{name: "date", cases: []spokenCase{
			{"The card expires 08/2027.", "The card expires August twenty twenty-seven."},
			{"figures through 11/2023 show", "figures through November twenty twenty-three show"},
			{"one in 5/2000 cases", "one in 5/2000 cases"},
			{"Filed 14-Mar-2022 by the clerk.", "Filed March fourteenth, twenty twenty-two by the clerk."},
			{"the 3-Man Weave", "the three-Man Weave"},
			{"a sub-$50 price, or sub-$50.", "a sub-fifty dollar price, or sub-fifty dollars."},
		}},
		{name: "money", cases: []spokenCase{
			{"the best sub-$300 phones", "the best sub-three hundred dollar phones"},
			{"a sub-$1,000 laptop", "a sub-one thousand dollar laptop"},
			{"by the mid-1990s", "by the mid-nineteen nineties"},
			{"It sells for £45/$55 online.", "It sells for forty-five pounds or fifty-five dollars online."},
			{"The pound bought £1/$1.27 then.", "The pound bought one pound to one dollar and twenty-seven cents then."},
			{"priced at $5/$10", "priced at five dollars or ten dollars"},
			{"near the £30/$40 mark", "near the thirty pound or forty dollar mark"},
		}},
		{name: "compound", cases: []spokenCase{
			{"The 10-Cup Brewer Review", "The ten-Cup Brewer Review"},
			{"a 24-Hour Pharmacy", "a twenty-four-Hour Pharmacy"},
			{"a 3-D film", "a 3-D film"},
			{"an F-16 jet", "an F-16 jet"},
		}},
		{name: "fraction", cases: []spokenCase{
			{"Critics gave it 8/10.", "Critics gave it eight out of ten."},
			{"a 9.5/10 from us", "a nine point five out of ten from us"},
			{"rated 4.5/5 by buyers", "rated four point five out of five by buyers"},
			{"It earns 4/5 stars.", "It earns four out of five stars."},
			{"Only 3/10 of voters agreed.", "Only three tenths of voters agreed."},
			{"a 1/10 chance", "a one-tenth chance"},
			{"a 3/5 majority", "a three-fifths majority"},
			{"due on 8/10", "due on August tenth"},
		}},
		{name: "cardinal", cases: []spokenCase{
			{"Users uploaded 85M videos last year.", "Users uploaded eighty-five million videos last year."},
			{"The app has 1.2B users.", "The app has one point two billion users."},
			{"The firm 3M makes tape; 3M masks sold out.", "The firm 3M makes tape; 3M masks sold out."},
			{"a 12M contract", "a 12M contract"},
		}},
		{name: "measure", cases: []spokenCase{
			{"a 5 mins walk from the station", "a five-minute walk from the station"},
			{"a 2 hrs drive", "a two-hour drive"},
			{"it took 5 mins", "it took five minutes"},
			{"a 1KHz polling rate", "a one-kilohertz polling rate"},
			{"polls at 8KHz", "polls at eight kilohertz"},
		}},
	})
	addTable("es", []category{
		{name: "score", cases: []spokenCase{
			{"Se impuso por 6-3, 6-2 y 7-6 en la final.", "Se impuso por seis tres, seis dos y siete seis en la final."},
			{"Ganó 6-1 y 7-5.", "Ganó seis uno y siete cinco."},
			{"Ganó 6-1 y luego 3-1 en la liga.", "Ganó seis a uno y luego tres a uno en la liga."},
		}},
		{name: "fraction", cases: []spokenCase{
			{"Votaron las 2/3 partes de la cámara.", "Votaron las dos terceras partes de la cámara."},
			{"Perdió 1/4 parte del peso.", "Perdió una cuarta parte del peso."},
			{"Los 3/4 del equipo viajaron.", "Los tres cuartos del equipo viajaron."},
		}},
		{name: "telephone", cases: []spokenCase{
			{"Informes al tel. 81 2345 6789.", "Informes al teléfono ochenta y uno, veintitrés cuarenta y cinco, sesenta y siete ochenta y nueve."},
			{"Llame al 222 345 6789 hoy.", "Llame al doscientos veintidós, trescientos cuarenta y cinco, sesenta y siete ochenta y nueve hoy."},
			{"Teléfono: 55 1020 0304.", "Teléfono: cincuenta y cinco, diez veinte, cero tres cero cuatro."},
		}},
		{name: "date", cases: []spokenCase{
			{"Datos hasta 03/2025.", "Datos hasta marzo de dos mil veinticinco."},
		}},
	})
}
