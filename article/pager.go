package article

import (
	"regexp"
	"strings"
)

// rulePagerNav removes a page's navigation written as text: a pager
// ("Page 1 of 8", "Seite 2 von 3"), a link to the next or previous
// article with its headline ("Next article: …", "Vorheriger Beitrag: …"),
// a link back to the blog or the overview ("Back to blog", "Zurück zur
// Übersicht") and a recipe page's buttons ("Jump to recipe", "Rezept
// drucken"). A line is removed only when it is nothing but such
// labels, or one next/previous label and a headline: no sentence of the
// article is made of them.
//
// A table of contents' lone label ("Inhaltsverzeichnis", "Sommaire") is
// not among the labels: Readability's references keep it (three pages,
// where the list under it is gone from narrate's text too), so the rule
// audit counts it as article text.
var rulePagerNav = LineRule("pager-nav",
	"removes navigation written as text in many languages: a pager (`Page 1 of 8`, `Seite 1 von 3`), next/previous article links (`Next article: …`, `Article précédent : …`), back links (`Back to blog`, `Zurück zur Übersicht`) and recipe buttons (`Jump to recipe`, `Rezept drucken`)",
	func(s string) string {
		if len(s) > 240 {
			return s
		}
		if len(s) <= 120 && navLabels.MatchString(s) {
			return ""
		}
		if strings.IndexByte(s, ':') < 0 {
			return s
		}
		// "Next article: Headline", "Previous post: Headline": the
		// headline is no sentence, or a question.
		if loc := nextPrevLabel.FindStringIndex(s); loc != nil {
			if rest := strings.TrimSpace(s[loc[1]:]); rest == "" || !endsSentence(rest) && sentenceCount(rest) <= 2 || sentenceCount(rest) <= 1 {
				return ""
			}
		}
		return s
	})

const (
	// pagerRE is "Page 1 of 8" and its translations.
	pagerRE = `(?:page|seite|página|pagina|strona|sida|side)\s+\d+\s*(?:of|von|sur|de|di|van|z|av|af|/)\s*\d+`
	// nextPrevRE names the next or the previous article or post.
	nextPrevRE = `(?:next|previous|prev|older|newer) (?:article|post|story|entry)|(?:nächster|vorheriger|voriger|nächste|vorherige|vorige) (?:artikel|beitrag|eintrag|meldung)|(?:article|billet) (?:suivant|précédent)|(?:artículo|post) (?:siguiente|anterior)|(?:siguiente|anterior) (?:artículo|entrada|noticia)|entrada (?:siguiente|anterior)|(?:articolo|post) (?:successivo|precedente|seguente)|(?:volgend|vorig|volgende|vorige) (?:artikel|bericht)|(?:próximo|próxima) (?:artigo|post|matéria|notícia)|(?:artigo|post|matéria) anterior|(?:następny|poprzedni) (?:artykuł|wpis|post)`
	// backRE is a link back from the article to a list.
	backRE = `back to (?:the )?(?:blog|overview|all (?:posts|articles|news|stories)|news|articles|posts|list|index)|zurück zu(?:r|m)? (?:übersicht|blog|newsübersicht|liste|allen (?:artikeln|beiträgen|news|meldungen))|retour (?:au blog|à la liste|aux articles|aux actualités|à l'accueil|à l’accueil)|volver (?:al blog|a la lista|al listado|a noticias)|torna (?:al blog|alla lista|alle notizie|all'elenco|all’elenco)|terug naar (?:het )?(?:overzicht|blog|nieuws)|voltar (?:ao blog|para o blog|à lista|às notícias)|powrót do (?:bloga|listy|aktualności)`
	// recipeRE is a recipe page's buttons.
	recipeRE = `(?:jump|skip|go) to (?:the )?recipe|(?:print|pin|save|rate) (?:this |the )?recipe|zum rezept(?: springen)?|rezept (?:drucken|speichern|merken|bewerten)|(?:aller|passer) à la recette|(?:imprimer|enregistrer) la recette|(?:ir|saltar) a la receta|(?:imprimir|guardar) (?:la )?receta|(?:vai|salta) alla ricetta|(?:stampa|salva) (?:la )?ricetta|(?:naar|ga naar) (?:het )?recept|recept (?:printen|afdrukken|opslaan)|(?:ir|pular) para (?:a )?receita|imprimir (?:a )?receita|(?:przejdź|skocz) do przepisu|drukuj przepis`
)

var (
	navLabel  = `(?:` + pagerRE + `|` + nextPrevRE + `|` + backRE + `|` + recipeRE + `)`
	navLabels = regexp.MustCompile(`(?i)^[\s\p{P}\p{S}]*` + navLabel + `(?:[\s\p{P}\p{S}]+` + navLabel + `)*[\s\p{P}\p{S}]*$`)
	// nextPrevLabel leads a line that links the next or previous article.
	nextPrevLabel = regexp.MustCompile(`(?i)^\W*(?:` + nextPrevRE + `)\s*:`)
)
