package spoken

// Round fifteen: German first. "1" before a noun whose case is given by
// a verb at the clause's end (a modal's infinitive, a perfect's
// participle, a separable verb's particle, the finite verb of a clause a
// conjunction opens), with the near-misses where the noun may be the
// subject and stays as counted.
func init() {
	addTable("de", []category{
		{name: "cardinal", cases: []spokenCase{
			// A modal and its infinitive.
			{"Sie muss 1 Tag im Bett bleiben.", "Sie muss einen Tag im Bett bleiben."},
			{"Ich möchte 1 Kaffee bestellen.", "Ich möchte einen Kaffee bestellen."},
			{"Wir wollen 1 Nachbarn helfen.", "Wir wollen einem Nachbarn helfen."},
			{"Er will 1 guter Vater sein.", "Er will ein guter Vater sein."},
			{"Er will 1 Vater sein.", "Er will ein Vater sein."},
			{"Man sollte 1 Anwalt fragen.", "Man sollte einen Anwalt fragen."},
			{"Dann kann er 1 Monat pausieren.", "Dann kann er einen Monat pausieren."},
			{"Sie wird 1 Brief schreiben.", "Sie wird einen Brief schreiben."},
			{"Er soll 1 Kollegen bedroht haben.", "Er soll einen Kollegen bedroht haben."},
			{"Er soll 1 Kollegen geholfen haben.", "Er soll einem Kollegen geholfen haben."},
			{"Er soll 1 Tag behandelt werden.", "Er soll einen Tag behandelt werden."},
			{"Ich möchte 1 Tee.", "Ich möchte einen Tee."},
			{"Er will 1 Apfel und 1 Birne essen.", "Er will einen Apfel und eine Birne essen."},
			{"Er kann 1 Stunde warten.", "Er kann eine Stunde warten."},
			// A separable verb's particle: the verb takes the dative.
			{"Er hört 1 Redner zu.", "Er hört einem Redner zu."},
			{"Sie stimmt 1 Vorschlag zu.", "Sie stimmt einem Vorschlag zu."},
			{"Sie tritt 1 Verein bei.", "Sie tritt einem Verein bei."},
			{"Er weicht 1 Radfahrer aus.", "Er weicht einem Radfahrer aus."},
			{"Wir rufen 1 Kunden an.", "Wir rufen einen Kunden an."},
			{"Wir rufen 1 Mal an.", "Wir rufen ein Mal an."},
			{"Sie kommt um 1 Uhr an.", "Sie kommt um ein Uhr an."},
			{"Er gibt 1 Euro aus.", "Er gibt einen Euro aus."},
			// A perfect's participle.
			{"Er hat 1 Nachbarn geholfen.", "Er hat einem Nachbarn geholfen."},
			{"Sie ist 1 Bären begegnet.", "Sie ist einem Bären begegnet."},
			{"Er hat 1 Monat geholfen.", "Er hat einen Monat geholfen."},
			// A clause a conjunction opens ends in its finite verb.
			{"Weil er 1 Tag warten musste, kam er spät.", "Weil er einen Tag warten musste, kam er spät."},
			{"Sie sagt, dass er 1 Hund hat.", "Sie sagt, dass er einen Hund hat."},
			{"Ich glaube, dass sie 1 Kollegen hilft.", "Ich glaube, dass sie einem Kollegen hilft."},
			{"Als er 1 Kind war, zog er um.", "Als er ein Kind war, zog er um."},
			{"Ob sie 1 Monat bleibt, ist offen.", "Ob sie einen Monat bleibt, ist offen."},
			// A span is no object, whatever the verb takes.
			{"Er half 1 Tag lang.", "Er half einen Tag lang."},
			{"Sie stimmt 1 Mal zu.", "Sie stimmt ein Mal zu."},
			{"Er hat 1 Mal geholfen.", "Er hat ein Mal geholfen."},
			{"Sie will 1 Tag später kommen.", "Sie will einen Tag später kommen."},
			{"Man muss 1 Antrag stellen, bevor man beginnt.", "Man muss einen Antrag stellen, bevor man beginnt."},
			{"Weil er 1 Spieler zu viel hatte, verlor er.", "Weil er einen Spieler zu viel hatte, verlor er."},
			{"Ich möchte 1 Apfel, 1 Birne und 1 Banane.", "Ich möchte einen Apfel, eine Birne und eine Banane."},
			// The noun may be the subject: it stays as counted.
			{"Dann kann 1 Arzt kommen.", "Dann kann ein Arzt kommen."},
			{"Gestern hat 1 Mann angerufen.", "Gestern hat ein Mann angerufen."},
			{"Dann gewann 1 Läufer aus Kenia.", "Dann gewann ein Läufer aus Kenia."},
			{"Dann gab es 1 Elfmeter.", "Dann gab es einen Elfmeter."},
			{"Die Polizei hat 1 Mann festgenommen.", "Die Polizei hat einen Mann festgenommen."},
			{"Er wird 1 Star.", "Er wird ein Star."},
			// Measures said as neuters.
			{"Er nimmt 1 Kilo ab.", "Er nimmt ein Kilo ab."},
			{"Sie kauft 1 kg Mehl.", "Sie kauft ein Kilogramm Mehl."},
			{"Er schließt 1 Kabel an.", "Er schließt ein Kabel an."},
		}},
		{name: "cardinal", cases: []spokenCase{
			// "eins" loses its s before "tausend", "sechs" keeps it.
			{"Der Umbau kostet 6.000 Euro.", "Der Umbau kostet sechstausend Euro."},
			{"Es kamen 106.000 Fans.", "Es kamen einhundertsechstausend Fans."},
			{"Die Maschine dreht mit 6000 Touren.", "Die Maschine dreht mit sechstausend Touren."},
			{"Es kamen 101.000 Fans.", "Es kamen einhunderteintausend Fans."},
			{"Es kamen 1.000 Fans.", "Es kamen eintausend Fans."},
			{"Es kamen 36.000 Fans.", "Es kamen sechsunddreißigtausend Fans."},
		}},
		{name: "measure", cases: []spokenCase{
			{"Der Anschluss liefert 250 Mbit/s.", "Der Anschluss liefert zweihundertfünfzig Megabit pro Sekunde."},
			{"Glasfaser bringt bis zu 1 Gbit/s.", "Glasfaser bringt bis zu einem Gigabit pro Sekunde."},
			// A unit of two words: the article agrees with its head.
			{"Der Zug rollte mit 1 km/h.", "Der Zug rollte mit einem Kilometer pro Stunde."},
			{"Es fehlte 1 mmHg.", "Es fehlte ein Millimeter Quecksilbersäule."},
			{"Das Drehmoment liegt bei 400 Nm.", "Das Drehmoment liegt bei vierhundert Newtonmetern."},
			{"Das Netzteil liefert 65 W.", "Das Netzteil liefert fünfundsechzig Watt."},
			{"Der Motor dreht mit 6500 U/min.", "Der Motor dreht mit sechstausendfünfhundert Umdrehungen pro Minute."},
			{"Die Trasse führt 380 kV.", "Die Trasse führt dreihundertachtzig Kilovolt."},
			{"Das Bild hat 800 kB.", "Das Bild hat achthundert Kilobyte."},
			{"Der Luftdruck fiel auf 980 hPa.", "Der Luftdruck fiel auf neunhundertachtzig Hektopascal."},
			{"Die Wand ist 2 dm dick.", "Die Wand ist zwei Dezimeter dick."},
		}},
		{name: "address", cases: []spokenCase{
			// A house's or a room's number and its letter, after a
			// street's name or a label noun.
			{"Sie wohnt in der Lindenstraße 12a.", "Sie wohnt in der Lindenstraße zwölf a."},
			{"Das Büro liegt Am Mühlweg 3b.", "Das Büro liegt Am Mühlweg drei b."},
			{"Er wohnt in der Hauptstr. 5b, 2. Stock.", "Er wohnt in der Hauptstraße fünf b, zweiter Stock."},
			{"Die Sitzung ist in Raum 104c.", "Die Sitzung ist in Raum einhundertvier c."},
			{"Lösen Sie Aufgabe 3b.", "Lösen Sie Aufgabe drei b."},
			{"Die Sorte 5a war aus.", "Die Sorte 5a war aus."},
			{"Sie geht in die Klasse 5a.", "Sie geht in die Klasse fünf a."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			// "f." and "ff." after a page's or a paragraph's number: the
			// one or the several that follow.
			{"Siehe S. 12 f. und S. 20 ff.", "Siehe Seite zwölf folgende und Seite zwanzig folgende."},
			{"Er haftet nach §§ 823 ff. BGB.", "Er haftet nach Paragrafen achthundertdreiundzwanzig folgende BGB."},
			{"Vgl. Kap. 4 ff. zum Thema.", "Vergleiche Kapitel vier folgende zum Thema."},
			{"Caesar starb 44 v. Chr. in Rom.", "Caesar starb vierundvierzig vor Christus in Rom."},
			{"Im Jahr 79 n.Chr. brach der Vesuv aus.", "Im Jahr neunundsiebzig nach Christus brach der Vesuv aus."},
			{"Maria Müller, geb. Schmidt, lebt hier.", "Maria Müller, geborene Schmidt, lebt hier."},
			{"Er wurde geb. am 3. Mai.", "Er wurde geboren am dritten Mai."},
			{"Sie ist mind. 18 Jahre alt.", "Sie ist mindestens achtzehn Jahre alt."},
			{"Es kostet max. 50 Euro.", "Es kostet maximal fünfzig Euro."},
			{"Max. 50 Gäste dürfen kommen.", "Maximal fünfzig Gäste dürfen kommen."},
			{"Sein Sohn heißt Max. Er ist fünf.", "Sein Sohn heißt Max. Er ist fünf."},
			{"Er ist zzt. im Urlaub.", "Er ist zurzeit im Urlaub."},
			{"Das o. g. Problem bleibt.", "Das oben genannte Problem bleibt."},
			{"Bzgl. der Kosten gibt es Fragen.", "Bezüglich der Kosten gibt es Fragen."},
			{"Lt. Polizei war es ein Unfall.", "Laut Polizei war es ein Unfall."},
			{"Er ist Oberst a. D. und lebt in Bonn.", "Er ist Oberst außer Dienst und lebt in Bonn."},
			{"Die 3. Aufl. erschien.", "Die dritte Auflage erschien."},
			{"Er ist Dipl.-Ing. bei Siemens.", "Er ist Diplomingenieur bei Siemens."},
			{"Sie zeichnet i. A. der Firma.", "Sie zeichnet im Auftrag der Firma."},
			{"Die Kosten betragen inkl. MwSt. 100 Euro.", "Die Kosten betragen inklusive Mehrwertsteuer einhundert Euro."},
			{"Er war m. E. zu spät.", "Er war meines Erachtens zu spät."},
		}},
		{name: "time", cases: []spokenCase{
			// A duration written with colons and its unit's word: the
			// unit is said once, with each part.
			{"Das Rennen dauerte 2:03:45 Stunden.", "Das Rennen dauerte zwei Stunden drei Minuten und fünfundvierzig Sekunden."},
			{"Er brauchte 1:30 Minuten.", "Er brauchte eine Minute dreißig."},
			{"Sie lief in 2:03 Stunden ins Ziel.", "Sie lief in zwei Stunden drei ins Ziel."},
			{"Um 2:03 Uhr schlief sie.", "Um zwei Uhr drei schlief sie."},
			// The hour's symbol after "um", "gegen" is the hour of the day.
			{"Der Laden öffnet um 10 h.", "Der Laden öffnet um zehn Uhr."},
			{"Gegen 1 h nachts kam er.", "Gegen ein Uhr nachts kam er."},
			{"Seit 10 h wartet er.", "Seit zehn Stunden wartet er."},
		}},
		{name: "cardinal", cases: []spokenCase{
			// "eine Million" is declined as any "eine" before a noun.
			{"Er kam mit 1 Mio. Euro davon.", "Er kam mit einer Million Euro davon."},
			{"Von 1 Milliarde Euro blieb nichts.", "Von einer Milliarde Euro blieb nichts."},
			{"Für 1 Million Euro verkauft.", "Für eine Million Euro verkauft."},
			{"Es kamen 1 Mio. Besucher.", "Es kamen eine Million Besucher."},
			// "erst" and "kaum" before one of a group, as "nur".
			{"Erst 1 von 10 Deutschen raucht.", "Erst einer von zehn Deutschen raucht."},
			{"Kaum 1 von 5 Befragten glaubt das.", "Kaum einer von fünf Befragten glaubt das."},
		}},
		{name: "telephone", cases: []spokenCase{
			// The emergency numbers are dialled digit by digit; as a
			// count before a noun, or with no call in the sentence,
			// they stay numbers.
			{"Im Notfall den Notruf 112 wählen.", "Im Notfall den Notruf eins eins zwei wählen."},
			{"Die Polizei ist unter 110 erreichbar.", "Die Polizei ist unter eins eins null erreichbar."},
			{"Er rief sofort die 110 an.", "Er rief sofort die eins eins null an."},
			{"Der Bereitschaftsdienst ist unter 116117 erreichbar.", "Der Bereitschaftsdienst ist unter eins eins sechs eins eins sieben erreichbar."},
			{"Die Polizei nahm 110 Personen fest.", "Die Polizei nahm einhundertzehn Personen fest."},
			{"Die Polizei zählte 110.", "Die Polizei zählte einhundertzehn."},
			{"Er rief 112 Mal an.", "Er rief einhundertzwölf Mal an."},
			// The area code set off by a spaced slash (DIN 5008's old
			// form), the number in pairs.
			{"Sie erreichen uns unter 089 / 12 34 56 werktags.", "Sie erreichen uns unter null acht neun, eins zwei, drei vier, fünf sechs werktags."},
			{"Es waren 0 / 5 Punkte.", "Es waren null / fünf Punkte."},
		}},
		{name: "compound", cases: []spokenCase{
			// A derivation of a number written with digits takes a
			// hyphen only for them: written out it is one word.
			{"Ein 10-jähriger Junge wurde verletzt.", "Ein zehnjähriger Junge wurde verletzt."},
			{"Die 3-fache Menge reicht.", "Die dreifache Menge reicht."},
			{"ein 5-prozentiger Anstieg", "ein fünfprozentiger Anstieg"},
			{"nach einer 2-stündigen Sitzung", "nach einer zweistündigen Sitzung"},
			{"Ein 18-Jähriger wurde verletzt.", "Ein Achtzehnjähriger wurde verletzt."},
			{"Die 21-Jährige siegte.", "Die Einundzwanzigjährige siegte."},
			{"ein 1-jähriges Kind", "ein einjähriges Kind"},
			{"die 10-fach höhere Dosis", "die zehnfach höhere Dosis"},
			{"eine 3-teilige Serie", "eine dreiteilige Serie"},
			// Nouns and decimals keep the hyphen.
			{"ein 4-Sterne-Hotel", "ein vier-Sterne-Hotel"},
			{"eine 2,5-fache Steigerung", "eine zwei Komma fünf-fache Steigerung"},
		}},
		{name: "date", cases: []spokenCase{
			// A numeric date with a space after each stop (DIN 5008).
			{"Am 9. 11. 1989 fiel die Mauer.", "Am neunten November neunzehnhundertneunundachtzig fiel die Mauer."},
			{"Der 3. 10. 1990 war ein Mittwoch.", "Der dritte Oktober neunzehnhundertneunzig war ein Mittwoch."},
		}},
		{name: "fraction", cases: []spokenCase{
			// A quarter of an hour or a year is one noun, "Viertelstunde".
			{"Nach 1/4 Stunde kam er.", "Nach einer Viertelstunde kam er."},
			{"Er wartete ¼ Stunde.", "Er wartete eine Viertelstunde."},
			{"In einer 1/4 Stunde ist er da.", "In einer Viertelstunde ist er da."},
			{"Für 1/4 Jahr ging sie weg.", "Für ein Vierteljahr ging sie weg."},
			{"Es dauerte 3/4 Stunde.", "Es dauerte drei viertel Stunde."},
		}},
		{name: "decade", cases: []spokenCase{
			{"In den 20ern lebte er in Paris.", "In den zwanzigern lebte er in Paris."},
			{"Seit den 1980ern gilt das.", "Seit den achtzigern gilt das."},
			{"Die 80er waren bunt.", "Die achtziger waren bunt."},
		}},
		{name: "roman", cases: []spokenCase{
			{"Unter Friedrich II. wuchs Preußen.", "Unter Friedrich dem Zweiten wuchs Preußen."},
			{"Das Schloss ließ Ludwig II. bauen, von Ludwig II. stammt es.", "Das Schloss ließ Ludwig der Zweite bauen, von Ludwig dem Zweiten stammt es."},
			{"Sie traf Papst Benedikt XVI. in Rom.", "Sie traf Papst Benedikt den Sechzehnten in Rom."},
			{"Er kämpfte gegen Wilhelm II. und verlor.", "Er kämpfte gegen Wilhelm den Zweiten und verlor."},
			{"Mit Elisabeth II. endete eine Ära.", "Mit Elisabeth der Zweiten endete eine Ära."},
			{"Für Elisabeth II. war das neu.", "Für Elisabeth die Zweite war das neu."},
			{"Die Zeit unter König Ludwig XIV. war prunkvoll.", "Die Zeit unter König Ludwig dem Vierzehnten war prunkvoll."},
			{"Seit Johannes Paul II. gilt das.", "Seit Johannes Paul dem Zweiten gilt das."},
			{"Während Karl V. regierte, war Krieg.", "Während Karl der Fünfte regierte, war Krieg."},
			{"Dann traf Friedrich II. den Zaren.", "Dann traf Friedrich der Zweite den Zaren."},
		}},
	})
}

// English: durations written with colons and the unit's word.
func init() {
	addTable("en", []category{
		{name: "time", cases: []spokenCase{
			{"He ran it in 2:03:45 hours.", "He ran it in two hours three minutes and forty-five seconds."},
			{"The song runs 3:45 minutes.", "The song runs three minutes forty-five."},
			{"We met at 3:45 today.", "We met at three forty-five today."},
		}},
	})
}

// English: addresses, statutes and forms, large counts.
func init() {
	addTable("en", []category{
		{name: "address", cases: []spokenCase{
			{"He lives at 221B Baker Street.", "He lives at two twenty-one B Baker Street."},
			{"The shop at 1600A Main St. closed.", "The shop at sixteen hundred A Main Street closed."},
			{"It was 221B.", "It was 221B."},
			{"The store at 500 K Street NW opened.", "The store at five hundred K Street Northwest opened."},
			{"Go to 12 Main St. N.W. today.", "Go to twelve Main Street Northwest today."},
			{"The NW corner of the lot.", "The NW corner of the lot."},
			{"Trade with NE Asia grew.", "Trade with NE Asia grew."},
			{"The meeting is in Room 12a.", "The meeting is in Room twelve a."},
		}},
		{name: "legal", cases: []spokenCase{
			{"It was filed under 42 U.S.C. § 1983.", "It was filed under forty-two U.S.C. section nineteen eighty-three."},
			{"Section 230 shields platforms.", "Section two thirty shields platforms."},
			{"File Form 1040 by April.", "File Form ten forty by April."},
			{"Under Rule 144 the shares are restricted.", "Under Rule one forty-four the shares are restricted."},
			{"Take Highway 101 north.", "Take Highway one oh one north."},
			{"Section 8 housing.", "Section eight housing."},
			{"Section 2000 of the act.", "Section two thousand of the act."},
			{"The report has 230 pages.", "The report has two hundred thirty pages."},
			{"A section 350 feet long collapsed.", "A section three hundred fifty feet long collapsed."},
		}},
		{name: "cardinal", cases: []spokenCase{
			{"The population is 8.3M.", "The population is eight point three million."},
			{"It was 1.2B in 2020.", "It was one point two billion in twenty twenty."},
			{"Revenue hit $2.5B.", "Revenue hit two point five billion dollars."},
			{"It sold 3M units.", "It sold 3M units."},
			{"A 5.5m wall.", "A 5.5m wall."},
			{"Bibcode:1998PNAS...95.9047M. next", "Bibcode:1998PNAS...95.9047M. next"},
		}},
		{name: "decade", cases: []spokenCase{
			{"In the mid-'90s it grew.", "In the mid-nineties it grew."},
			{"By the late-’80s it fell.", "By the late-eighties it fell."},
			{"By the late-1990s it fell.", "By the late-nineteen nineties it fell."},
			{"In the early-2000s it rose.", "In the early-two thousands it rose."},
		}},
		{name: "measure", cases: []spokenCase{
			// A unit's abbreviation in a compound keeps its stop out of
			// what is said, where no sentence ends.
			{"A 12-oz. can of soda.", "A twelve-ounce can of soda."},
			{"A 3-in. pipe broke.", "A three-inch pipe broke."},
			{"It weighed a 5-lb. Then more.", "It weighed a five-pound. Then more."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"E.g. this one.", "For example this one."},
			{"Approx. 50 people came.", "Approximately fifty people came."},
			{"In FY2024 revenue grew.", "In fiscal year twenty twenty-four revenue grew."},
			{"Sales in FY 2023 fell.", "Sales in fiscal year twenty twenty-three fell."},
			{"Its FY24 results beat.", "Its fiscal year twenty-four results beat."},
			{"The FY was long.", "The FY was long."},
		}},
	})
}
