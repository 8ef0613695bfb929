package article

import (
	"slices"
	"testing"
)

// Each debris rule on lines written for this test, in several languages:
// the debris goes, the sentences of an article that look like it stay.
func TestDebrisRules(t *testing.T) {
	const para = "The harbour crane was repaired on Friday, and the ferry left on time."
	tests := []struct {
		rule     Rule
		name     string
		in, want []string
	}{
		{ruleAppeal, "appeals", []string{para,
			"To view the full story, please subscribe.",
			"Our journalism needs your support.",
			"Independent journalism depends on readers’ support.",
			"Already a subscriber? Log in here.",
			"Sie haben bereits ein Abo? Hier anmelden.",
			"Dieser Artikel ist exklusiv für Abonnenten.",
			"Tú también puedes hacer periodismo incómodo. Hazte socio.",
			"La suite de cet article est réservée aux abonnés.",
			"Per continuare a leggere, abbonati.",
			"Já é assinante? Entre aqui.",
			"This article is exclusive to Harbour+ subscribers.",
			"Unlock this article — plus analysis, newsletters and alerts.",
			"Jetzt den Artikel freischalten und weiterlesen.",
			"Débloquez cet article en vous abonnant.",
			"Desbloquea este artículo con tu suscripción.",
			"Sblocca l'articolo con l'abbonamento.",
			"Ontgrendel dit artikel met een abonnement.",
		}, []string{para}},
		{ruleAppeal, "news about subscriptions and members stays", []string{
			"The fast lane is available to Harbour Club members when they book a cabin.",
			"Customers subscribe to the service every month, the company's report shows.",
			"If you already have an account with the bank, bring your card.",
			"Residents can become a member of the library for free.",
			"\"Subscribe now,\" the advert said, \"and save half.\"",
		}, []string{
			"The fast lane is available to Harbour Club members when they book a cabin.",
			"Customers subscribe to the service every month, the company's report shows.",
			"If you already have an account with the bank, bring your card.",
			"Residents can become a member of the library for free.",
			"\"Subscribe now,\" the advert said, \"and save half.\"",
		}},
		{ruleAppeal, "paywall notes and trial offers", []string{para,
			"Dieser Artikel gehört zum Angebot von SPIEGEL+. Sie können ihn auch ohne Abonnement lesen, weil er Ihnen geschenkt wurde.",
			"Bestens informiert mit SZ Plus – 4 Wochen kostenlos zur Probe lesen. Jetzt bestellen unter: www.sz.de/szplus-testen",
		}, []string{para}},
		{ruleAppeal, "a product's trial and a series stay", []string{
			"Die App lässt sich 30 Tage kostenlos testen, danach kostet sie fünf Euro im Monat.",
			"Der Artikel gehört zu einer Serie über die Brücken der Stadt.",
		}, []string{
			"Die App lässt sich 30 Tage kostenlos testen, danach kostet sie fünf Euro im Monat.",
			"Der Artikel gehört zu einer Serie über die Brücken der Stadt.",
		}},
		{ruleAppeal, "French and Spanish paywall notes", []string{para,
			"Article réservé aux abonnés",
			"Si quieres apoyar la elaboración de un periodismo de calidad, suscríbete.",
		}, []string{para}},
		{ruleAppeal, "reports on journalism stay", []string{
			"El Gobierno quiere apoyar el periodismo local con ayudas, según el decreto publicado el lunes.",
		}, []string{
			"El Gobierno quiere apoyar el periodismo local con ayudas, según el decreto publicado el lunes.",
		}},
		{ruleReadMorePromo, "the sources a story used", []string{para, "Verwendete Quellen: Nachrichtenagentur dpa, eigene Recherche"}, []string{para}},
		{ruleReadMorePromo, "a read-more label with a bar", []string{para, "Lire aussi | Les ponts de Paris face à la crue"}, []string{para}},
		{ruleReadMorePromo, "a bar in a title stays", []string{"Voir aussi les ponts | et les quais de la Seine, qui furent longtemps le cœur du commerce parisien et de la ville."}, []string{"Voir aussi les ponts | et les quais de la Seine, qui furent longtemps le cœur du commerce parisien et de la ville."}},
		{ruleCreditLine, "a story written with an agency's copy", []string{para, "Le Monde avec AFP", "(Avec AFP)", "Con información de EFE", "Mit Material von dpa", "(con ANSA)"}, []string{para}},
		{ruleCreditLine, "sentences with an agency stay", []string{"The interview with Reuters", "Talks with AFP reporters went well.", "Il a parlé avec l'AFP lundi."}, []string{"The interview with Reuters", "Talks with AFP reporters went well.", "Il a parlé avec l'AFP lundi."}},
		{ruleUILabelsIntl, "an author box's link to the author's posts", []string{para, "Ver todas las entradas", "View all posts", "Alle Beiträge anzeigen", "Voir tous les articles", "Vedi tutti gli articoli"}, []string{para}},
		{ruleUILabelsIntl, "a sentence about posts stays", []string{"View all posts on the harbour board before you sail."}, []string{"View all posts on the harbour board before you sail."}},
		{ruleUILabelsIntl, "French, Spanish and Italian buttons and notices", []string{para, "Offrir cet article", "Réagir", "Temps de lecture : 4 min.", "Archivado En", "Ver comentarios", "Lee sin límites", "Ascolta l'articolo", "© RIPRODUZIONE RISERVATA"}, []string{para}},
		{ruleUILabelsIntl, "German page buttons", []string{para, "Nächste Seite", "Artikel auf einer Seite lesen", "Artikelrechte erwerben", "Fragen & Feedback", "Bild vergrößern", "Zum Kommentarbereich", "Wie gefällt Ihnen dieser Artikel?", "Página siguiente"}, []string{para}},
		{ruleUILabelsIntl, "French, Spanish and Italian buttons, more", []string{para, "Réagir à cet article", "Vous souhaitez réagir à cet article ?", "Voir les commentaires", "Contenus sponsorisés", "S'inscrire", "Contenido patrocinado", "Ya tengo una cuenta", "Escucha la noticia", "Segui i temi", "Riproduzione riservata © Copyright ANSA"}, []string{para}},
		{ruleUILabelsIntl, "notes that the article goes on after an ad", []string{para, "Weiterlesen nach der Anzeige", "Artikel wird nach der Anzeige fortgesetzt", "Lesen Sie nach der Werbung weiter", "La suite après cette publicité", "L'article continue ci-dessous", "Sigue leyendo después de la publicidad", "Continua a leggere dopo la pubblicità", "The story continues below"}, []string{para}},
		{ruleUILabelsIntl, "a sentence about ads stays", []string{"Der Artikel wird nach der Anzeige des Verlags im Landgericht neu verhandelt."}, []string{"Der Artikel wird nach der Anzeige des Verlags im Landgericht neu verhandelt."}},
		{ruleEmbedConsent, "a player's fallback text", []string{para, "Your browser does not support the video tag.", "Votre navigateur ne supporte pas la lecture de cette vidéo.", "Ihr Browser unterstützt dieses Video nicht.", "Tu navegador no admite el elemento de vídeo."}, []string{para}},
		{ruleEmbedConsent, "a player that cannot play, or needs JavaScript", []string{para, "Dieses Video kann nicht abgespielt werden. Bitte aktivieren Sie JavaScript.", "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video", "Please enable JavaScript to view the comments powered by Disqus.", "This video cannot be played right now.", "Veuillez activer JavaScript pour lire cette vidéo.", "Este vídeo no se puede reproducir.", "Um dieses Video zu sehen, aktivieren Sie bitte JavaScript."}, []string{para}},
		{ruleEmbedConsent, "sentences about players and JavaScript stay", []string{"The video cannot be played in court, the judge ruled on Tuesday.", "Please enable JavaScript, the help page says, then try again. The service went down for two hours.", "Dieses Video kann nicht abgespielt werden, sagte ein Sprecher der Polizei."}, []string{"The video cannot be played in court, the judge ruled on Tuesday.", "Please enable JavaScript, the help page says, then try again. The service went down for two hours.", "Dieses Video kann nicht abgespielt werden, sagte ein Sprecher der Polizei."}},
		{ruleEmbedConsent, "a sentence about browsers stays", []string{"Your browser does not support the video tag, the help desk told callers on Monday."}, []string{"Your browser does not support the video tag, the help desk told callers on Monday."}},
		{ruleCreditLine, "a broadcaster's site with an agency", []string{para, "franceinfo avec AFP"}, []string{para}},
		{ruleUILabelsIntl, "buttons to report a mistake, gift the article, its comments", []string{para, "Fehler gefunden? Jetzt melden.", "Haben Sie einen Fehler entdeckt? Dann schreiben Sie uns.", "Signaler une erreur", "Report an error", "¿Has visto un error?", "Segnala un errore", "Artikel verschenken", "Kommentare (12)", "12 Comments", "Ein Angebot von", "Bitte melden Sie sich an, um zu kommentieren.", "Log in to comment", "Connectez-vous pour commenter"}, []string{para}},
		{ruleUILabelsIntl, "sentences about mistakes and comments stay", []string{"Report an error regarding a particular runtime event", "Der Fehler wurde gefunden und behoben.", "Kommentare zu schreiben ist erlaubt.", "12 Kommentare gingen bis Mittag ein."}, []string{"Report an error regarding a particular runtime event", "Der Fehler wurde gefunden und behoben.", "Kommentare zu schreiben ist erlaubt.", "12 Kommentare gingen bis Mittag ein."}},
		{ruleUILabelsIntl, "Russian and Ukrainian buttons and notices", []string{para, "Реклама", "Поделиться", "Комментарии", "Все права защищены", "Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "Помітили помилку? Виділіть її та натисніть Ctrl+Enter", "Читати далі"}, []string{para}},
		{ruleUILabelsIntl, "Russian sentences about mistakes and ads stay", []string{"Реклама на остановках запрещена с января.", "Мэрия нашла ошибку в расчётах и пересчитала тарифы."}, []string{"Реклама на остановках запрещена с января.", "Мэрия нашла ошибку в расчётах и пересчитала тарифы."}},
		{ruleCreditLine, "Cyrillic and Polish picture credits", []string{para, "Фото: РИА Новости", "Фото: личный архив", "Fot. PAP/Jan Kowalski"}, []string{para}},
		{ruleCreditLine, "sentences after a photo word stay", []string{"Фото: как менялся город за сто лет. Рассказываем.", "Fot. nie jest potrzebne."}, []string{"Фото: как менялся город за сто лет. Рассказываем.", "Fot. nie jest potrzebne."}},
		{ruleReadMorePromo, "Russian and Ukrainian promos", []string{para, "Читайте также: Мэрия закрыла мост", "Дивіться також: Мерія закрила міст"}, []string{para}},
		{ruleCreditLine, "a caption printed as a paragraph, with its credit", []string{para, "Der Rhein an der Altstadt am Donnerstag. Foto: Erika Muster", "Die Brücke im Nebel. (Foto: dpa)", "The mayor in 2019. Photograph: Jan Berg/Reuters", "La plaza, ayer. (Foto: EFE)"}, []string{para}},
		{ruleCreditLine, "a paragraph about photos stays", []string{"The exhibition opens on Friday. Photos: none may be taken inside the hall, the museum said.", "Sie zeigte uns ihr Album. Fotos: die hat ihr Vater gemacht, sagte sie."}, []string{"The exhibition opens on Friday. Photos: none may be taken inside the hall, the museum said.", "Sie zeigte uns ihr Album. Fotos: die hat ihr Vater gemacht, sagte sie."}},
		{ruleCreditLine, "the story's credits", []string{para, "Text: Anna Roth, Fotos: Jan Berg", "Redaktion: Anna Roth", "Recherche und Grafik: Jan Berg / Eva Kern", "Réalisation : Anne Roux", "Mitarbeit: Eva Kern und Jan Berg", "Mit Agenturen"}, []string{para}},
		{ruleCreditLine, "labelled lines that are text stay", []string{"Redaktion: Die Zeitung hat den Fehler korrigiert.", "Text: Alle Angaben beziehen sich auf das Jahr 2025", "Recherche: wie die Polizei vorging", "Text: Anna Roth"}, []string{"Redaktion: Die Zeitung hat den Fehler korrigiert.", "Text: Alle Angaben beziehen sich auf das Jahr 2025", "Recherche: wie die Polizei vorging", "Text: Anna Roth"}},
		{ruleEmbedConsent, "a German placeholder with its label", []string{para, "Externer Inhalt: Um diesen Inhalt anzuzeigen, benötigen wir Ihre Zustimmung.", "Weitere Informationen finden Sie in unserer Datenschutzerklärung."}, []string{para}},
		{ruleBroadcastNote, "broadcast notes", []string{para,
			"Über dieses Thema berichtete die tagesschau am 05. Dezember 2026 um 20:00 Uhr.",
			"Über dieses Thema berichtete Deutschlandfunk am 5. Dezember 2026 um 08:10 Uhr.",
			"Dieses Thema im Programm: Das Erste | tagesschau | 05.12.2026 | 20:00 Uhr",
			"Sendung: rbb24 Abendschau, 05.12.2026, 19:30 Uhr",
		}, []string{para}},
		{ruleBroadcastNote, "sentences about reporting stay", []string{
			"Über dieses Thema berichtete die Zeitung im Jahr 2019 ausführlich, doch die Stadt reagierte nicht.",
			"Über dieses Thema berichtete sie am Montag um 20:00 Uhr. Danach kamen viele Briefe.",
			"Sendung: verpasst. Das Team sah das Spiel am 05.12.2026 um 20:00 Uhr im Hotel.",
		}, []string{
			"Über dieses Thema berichtete die Zeitung im Jahr 2019 ausführlich, doch die Stadt reagierte nicht.",
			"Über dieses Thema berichtete sie am Montag um 20:00 Uhr. Danach kamen viele Briefe.",
			"Sendung: verpasst. Das Team sah das Spiel am 05.12.2026 um 20:00 Uhr im Hotel.",
		}},
		{ruleShareLine, "share lines", []string{para, "Den Artikel mit anderen teilen", "Compartir en Facebook", "Imprimer l'article", "Share on WhatsApp", "Udostępnij", "Comparte esta noticia", "Partagez cet article"}, []string{para}},
		{ruleShareLine, "prices, code and words of an article stay", []string{"Save $50", "del a[:]", "Print media", "Listen to the sea"}, []string{"Save $50", "del a[:]", "Print media", "Listen to the sea"}},
		{ruleReadMorePromo, "read-more promos", []string{para, "Recommended reading: How the harbour got its cranes", "Lea más: El puerto reabre tras la reparación de la grúa", "Mehr dazu: Fähre wieder pünktlich", "Leia mais: Guindaste consertado", "Czytaj więcej: Prom znów punktualny"}, []string{para}},
		{ruleReadMorePromo, "a label with sentences after it stays", []string{"See also: the crane broke on Monday. It was fixed on Friday."}, []string{"See also: the crane broke on Monday. It was fixed on Friday."}},
		{ruleCreditLine, "credits", []string{para, "Foto: dpa", "Bild: Keystone / Anna Muster", "Imagen: EFE", "© picture alliance/dpa | Hans Meier", "IMAGO/Sven Simon", "© Getty Images", "(AP Photo/Evan Vucci)", "Shutterstock", "Gregg Newton/AFP via Getty Images", "DGLimages via Getty Images"}, []string{para}},
		{ruleCreditLine, "copyright lines and sentences naming a picture agency stay", []string{"© dpa", "Copyright 2019 Reuters", "Getty Images bought the archive in 2019.", "Keystone XL was halted by the president.", "Die Agentur Imago verkauft Bilder.", "Shutterstock expands deal with OpenAI | TechCrunch", "Shutterstock Expands Partnership with OpenAI"}, []string{"© dpa", "Copyright 2019 Reuters", "Getty Images bought the archive in 2019.", "Keystone XL was halted by the president.", "Die Agentur Imago verkauft Bilder.", "Shutterstock expands deal with OpenAI | TechCrunch", "Shutterstock Expands Partnership with OpenAI"}},
		{ruleCreditLine, "a sentence with a label stays", []string{"Foto: Die Aufnahme zeigt den Hafen. Sie entstand 1950."}, []string{"Foto: Die Aufnahme zeigt den Hafen. Sie entstand 1950."}},
		{ruleCreditLine, "agency and editor codes", []string{para, "dpa/xyz", "(AFP)", "jm/dpa/rtr", "sda, kna", "APA/red.", "© dpa-infocom, dpa:260502-99-123456/3", "dpa:250117-930-345678/2"}, []string{para}},
		{ruleCreditLine, "an agency named as the source", []string{para, "Quelle: dpa", "Source : AFP", "Fuente: EFE", "Fonte: ANSA", "Kilde: Ritzau/NTB", "Quellen: dpa, AFP und Reuters", "Source: AP.", "SOURCE: News agencies", "Quelle: Nachrichtenagenturen", "Fuente: agencias de noticias"}, []string{para}},
		{ruleCreditLine, "a source that is no agency stays", []string{"Quelle: Statistisches Bundesamt", "Source: Bureau of Labor Statistics, 2025", "Fuente: EFE informó que el puerto reabre el lunes.", "Sources: AP reporters in the field saw the damage."}, []string{"Quelle: Statistisches Bundesamt", "Source: Bureau of Labor Statistics, 2025", "Fuente: EFE informó que el puerto reabre el lunes.", "Sources: AP reporters in the field saw the damage."}},
		{ruleCreditLine, "a sentence naming an agency stays", []string{"AFP reported the fire first.", "Laut dpa brannte es seit Mitternacht.", "ATS", "Ok/no", "Die Meldung dpa:260502-99-123456/3 wurde berichtigt."}, []string{"AFP reported the fire first.", "Laut dpa brannte es seit Mitternacht.", "ATS", "Ok/no", "Die Meldung dpa:260502-99-123456/3 wurde berichtigt."}},
		{ruleDisclaimer, "disclaimers", []string{para, "Alle Angaben ohne Gewähr.", "This article contains affiliate links; we may earn a commission.", "Dieser Beitrag stellt keine Anlageberatung dar."}, []string{para}},
		{ruleDisclaimer, "who answers for a release's content", []string{para, "Il contenuto del comunicato è di esclusiva responsabilità dell'autore. La redazione declina ogni responsabilità.", "Für den Inhalt der Pressemitteilung ist allein das Unternehmen verantwortlich.", "The content of this press release is the sole responsibility of the issuer.", "Le contenu de ce communiqué relève de la seule responsabilité de son émetteur.", "El contenido de este comunicado es responsabilidad exclusiva de la empresa emisora."}, []string{para}},
		{ruleDisclaimer, "a story about responsibility stays", []string{"The operator bears sole responsibility for the spill, the court found in its ruling on Tuesday.", "Für den Inhalt der Verträge sei allein der Senat verantwortlich, sagte die Ministerin."}, []string{"The operator bears sole responsibility for the spill, the court found in its ruling on Tuesday.", "Für den Inhalt der Verträge sei allein der Senat verantwortlich, sagte die Ministerin."}},
		{ruleDisclaimer, "no doctor's or adviser's advice replaced", []string{para,
			"This article is for educational and informational purposes only and is not a substitute for professional medical advice.",
			"Nothing on this site should be used as a substitute for direct medical advice from your doctor.",
			"This post is not intended to replace the advice of a medical professional.",
			"Dieser Artikel enthält nur allgemeine Hinweise und ersetzt keine ärztliche Beratung.",
			"Die Informationen ersetzen nicht den Besuch beim Arzt.",
			"Cet article ne remplace pas un avis médical.",
			"Este artículo no sustituye la consulta médica.",
			"Questo articolo non sostituisce il parere del medico.",
			"Este conteúdo não substitui a consulta médica.",
			"Dit artikel vervangt geen medisch advies.",
		}, []string{para}},
		{ruleDisclaimer, "a story about replacing a doctor stays", []string{
			"The app is not a substitute for medical advice, the regulator said on Tuesday.",
			"„Die App ersetzt keine ärztliche Beratung“, sagte die Ministerin.",
			"Der neue Bus ersetzt keine Fähre, und die Insel bleibt im Winter schwer zu erreichen.",
			"The field is for information purposes only. Changing it has no effect.",
		}, []string{
			"The app is not a substitute for medical advice, the regulator said on Tuesday.",
			"„Die App ersetzt keine ärztliche Beratung“, sagte die Ministerin.",
			"Der neue Bus ersetzt keine Fähre, und die Insel bleibt im Winter schwer zu erreichen.",
			"The field is for information purposes only. Changing it has no effect.",
		}},
		{ruleDisclaimer, "a report about advice stays", []string{"The regulator said the bank's letters were not financial advice."}, []string{"The regulator said the bank's letters were not financial advice."}},
		{ruleContactBlock, "a press contact block", []string{para, "Pressekontakt:", "Anna Muster", "Telefon: +49 40 1234567", "E-Mail: presse@example.org", "Hafenamt Nord", "The harbour office opens again on Monday morning, after the long holidays, at nine."}, []string{para, "The harbour office opens again on Monday morning, after the long holidays, at nine."}},
		{ruleContactBlock, "a contact block on one line, in other languages", []string{para, "Per informazioni: Ufficio Stampa Acquedotto del Lago Laura Galli Tel. 031 555 0192 Cell. 347 555 0134 ufficiostampa@acquedotto.example", "Para más información: Gabinete de Prensa Marta Ibáñez Tel.: 954 555 012 prensa@puerto.example", "Contatti stampa: Marco Neri, m.neri@studio.example", "Weitere Informationen:", "Jana Kühn", "Telefon: 0341 555 0101"}, []string{para}},
		{ruleContactBlock, "a sentence after an information label stays", []string{"Per informazioni: i cittadini possono chiamare il numero verde 800 123 456 dalle nove alle diciotto.", "Weitere Informationen: Die Stadt hat unter 0341 555 0100 eine Hotline geschaltet, die bis Freitag erreichbar ist."}, []string{"Per informazioni: i cittadini possono chiamare il numero verde 800 123 456 dalle nove alle diciotto.", "Weitere Informationen: Die Stadt hat unter 0341 555 0100 eine Hotline geschaltet, die bis Freitag erreichbar ist."}},
		{ruleContactBlock, "a lone phone line, and a sentence with a number", []string{"Tel. 040 123 456 78", "Call the harbour office on 040 123 456 78 if the ferry is late."}, []string{"Call the harbour office on 040 123 456 78 if the ferry is late."}},
		{ruleUILabelsIntl, "labels", []string{para, "Anzeige", "Nach oben", "Lesezeit: 4 Minuten", "3 minutos de lectura", "Publicidad"}, []string{para}},
		{ruleUILabelsIntl, "a sentence with a label word stays", []string{"Die Anzeige erschien am Montag in der Zeitung."}, []string{"Die Anzeige erschien am Montag in der Zeitung."}},
		{ruleAgeNotice, "age notices", []string{para, "This article is more than 5 years old", "This post is over 3 years old. I've probably changed my mind since it was written and it could be out of date.", "Dieser Artikel ist älter als ein Jahr.", "Cet article date de plus de deux ans.", "Este artículo tiene más de 2 años de antigüedad", "Questo articolo è stato pubblicato più di un anno fa"}, []string{para}},
		{ruleAgeNotice, "a story about old things stays", []string{"This story is more than 200 years old, and it begins in a mill.", "The bridge is more than 100 years old.", "This article is more than 5 years old. It was written before the war. The town has changed since then, and so has the harbour."}, []string{"This story is more than 200 years old, and it begins in a mill.", "The bridge is more than 100 years old.", "This article is more than 5 years old. It was written before the war. The town has changed since then, and so has the harbour."}},
		{ruleEmbedConsent, "consent placeholders", []string{para, "An dieser Stelle finden Sie einen externen Inhalt von YouTube, der den Artikel ergänzt.", "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.", "To view this content, please accept cookies.", "This content is blocked because you have not accepted social media cookies.", "Ce contenu est bloqué car vous n'avez pas accepté les cookies.", "Para ver este contenido debes aceptar las cookies.", "Per visualizzare questo contenuto è necessario accettare i cookie."}, []string{para}},
		{ruleEmbedConsent, "sentences about content stay", []string{"This content is not available in shops yet, the company said.", "An dieser Stelle finden Sie einen Überblick über die Baustellen.", "Para ver este contenido en el museo hay que pagar entrada."}, []string{"This content is not available in shops yet, the company said.", "An dieser Stelle finden Sie einen Überblick über die Baustellen.", "Para ver este contenido en el museo hay que pagar entrada."}},
		{ruleUILabelsIntl, "author archive links", []string{para, "Read more posts by Joe Kindness", "Alle Artikel von Anna Roth", "Tous les articles de Claire Morel", "Más artículos de Ana García", "Tutti gli articoli di Marco Rossi"}, []string{para}},
		{ruleUILabelsIntl, "a sentence about articles stays", []string{"More articles by the mayor appeared in May.", "Stories by children won the prize this year and last."}, []string{"More articles by the mayor appeared in May.", "Stories by children won the prize this year and last."}},
		{ruleUILabelsIntl, "buttons", []string{para, "Zur Merkliste hinzufügen", "Fehler melden", "Audio: Artikel vorlesen lassen", "Empfohlener redaktioneller Inhalt", "Seguir leyendo", "Sigue leyendo", "Lire la suite", "Lees verder", "Continua a leggere", "(Symbolbild)", "Photo d'illustration"}, []string{para}},
		{rulePointer, "pointers", []string{para, "Mehr Nachrichten aus Frankfurt lesen Sie hier.", "Lesen Sie hier mehr zum Thema.", "Alle aktuellen Entwicklungen finden Sie in unserem Newsblog.", "Hier geht es zum Liveticker.", "Die wichtigsten Nachrichten des Tages – jetzt den Newsletter abonnieren!", "Read the full interview here.", "Retrouvez toute l'actualité sur notre site.", "Haz clic aquí para ver el vídeo.", "Más noticias en nuestra web.", "Clicca qui per il video.", "Leggi l'intervista completa qui."}, []string{para}},
		{rulePointer, "sentences of the story stay", []string{"Die Polizei fand die Leiche hier.", "„Lesen Sie hier nichts hinein“, sagte der Minister.", "Sie finden hier seit Jahren keine Wohnung, sagen die Studenten, und ziehen weg. Das Amt bestätigt das.", "He said he would read the report here in Berlin.", "Here the river is wider than anywhere else in the region.", "La policía encontró aquí el coche."}, []string{"Die Polizei fand die Leiche hier.", "„Lesen Sie hier nichts hinein“, sagte der Minister.", "Sie finden hier seit Jahren keine Wohnung, sagen die Studenten, und ziehen weg. Das Amt bestätigt das.", "He said he would read the report here in Berlin.", "Here the river is wider than anywhere else in the region.", "La policía encontró aquí el coche."}},
		{ruleLookalike, "scrambled text", []string{para, "Тhе fеrrу lеft оn timе tоdау"}, []string{para}},
		{ruleLookalike, "Russian and English stay", []string{"Паром ушёл вовремя.", "The ferry left at 7:15 (паром)."}, []string{"Паром ушёл вовремя.", "The ferry left at 7:15 (паром)."}},
	}
	for _, tt := range tests {
		t.Run(tt.rule.Name+"/"+tt.name, func(t *testing.T) {
			got, _ := runRule(tt.rule, tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// The author's box at the end of a story goes with its label; a note on
// the author with no label stays, and so does a story's sentence about a
// reporter.
func TestAuthorBio(t *testing.T) {
	const para = "The council voted on Thursday to widen the cycle lanes along the river, after months of debate."
	for _, c := range []struct {
		name     string
		byline   string
		in, want []string
	}{
		{"German box", "", []string{para, "Über die Autorin", "Anna Roth ist Redakteurin im Ressort Politik und schreibt über Verkehr."}, []string{para}},
		{"English box", "", []string{para, "About the author", "Jane Doe is a senior reporter covering health for the Harbour Times."}, []string{para}},
		{"Italian box", "", []string{para, "L'autore", "Mario Rossi è giornalista e corrispondente da Bruxelles."}, []string{para}},
		{"a note with no label stays", "", []string{para, "Jane Doe is a senior reporter covering health."}, []string{para, "Jane Doe is a senior reporter covering health."}},
		{"a story about a reporter stays", "", []string{para, "About the author", "Jane Doe was a cyclist before the accident. She now campaigns for safer roads."}, []string{para, "About the author", "Jane Doe was a cyclist before the accident. She now campaigns for safer roads."}},
		{"a box in the middle stays", "", []string{"About the author", "Jane Doe is a senior reporter covering health.", para, para + " Again.", para + " Once more."}, []string{"About the author", "Jane Doe is a senior reporter covering health.", para, para + " Again.", para + " Once more."}},
		{"the byline's author, any trade", "Max Berg", []string{para, "Über den Autor", "Max Berg lehrt Politikwissenschaft an der Universität Bonn."}, []string{para}},
		{"the byline's author with a title", "Jane Doe and Tom Reed", []string{para, "About the author", "Tom Reed, Executive Editor of the Harbour Times"}, []string{para}},
		{"French, the byline's author", "Claire Martin", []string{para, "À propos de l'autrice", "Claire Martin enseigne l'économie à Lyon."}, []string{para}},
		{"a long note on the byline's author", "Harbour Studio", []string{para, "About the Author", "Harbour Studio is a small design firm on the east quay that draws houses, workshops and schools for families and towns along the coast, with a team of nine architects and two carpenters. With the tools of a large practice and the time of a small one, the studio follows each building from the first sketch to the last coat of paint. Its partners teach evening classes on timber building and repair old boat sheds in the winter months."}, []string{para}},
		{"someone else under the label stays", "Max Berg", []string{para, "Zur Person", "Lena Vogt ist Ökonomin am Institut für Weltwirtschaft."}, []string{para, "Zur Person", "Lena Vogt ist Ökonomin am Institut für Weltwirtschaft."}},
		{"the byline's name without a label stays", "Max Berg", []string{para, "Max Berg lehrt Politikwissenschaft an der Universität Bonn."}, []string{para, "Max Berg lehrt Politikwissenschaft an der Universität Bonn."}},
	} {
		d := &Draft{Byline: c.byline}
		for _, s := range c.in {
			d.Blocks = append(d.Blocks, Block{Kind: KindParagraph, Text: s})
		}
		ApplyRules(d, []Rule{ruleAuthorBio})
		var got []string
		for _, b := range d.Blocks {
			got = append(got, b.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
