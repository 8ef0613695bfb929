package article

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// functionWords are, per language, its most frequent function words
// (articles, pronouns, prepositions, conjunctions, auxiliaries): the words
// any sentence of the language is made with, whatever it is about. They
// are the second opinion shortTextLang asks when the trigram detector is
// unsure, which it is on a sentence or two of a Latin-script language. A
// word may be in several lists ("de", "en", "la"): what counts is which
// language's words a text uses most.
var functionWords = map[whatlanggo.Lang]string{
	whatlanggo.Eng: "the and of to a an in is was that for on with as it by at from this be are were has have had not but or will which who their they he she its been after said would there",
	whatlanggo.Deu: "der die das und ist nicht ein eine einen einem dem den des mit sich auf für von im zu zum zur auch es wird wurde hat haben sind war nach bei aus am um wie noch über dass oder aber er sie wir vom",
	whatlanggo.Fra: "le la les l des du de d et est un une dans pour qui que qu sur pas par au aux avec ce cette il elle ils ont sont été sera plus ne n se son sa ses leur mais ou où nous vous",
	whatlanggo.Spa: "el la los las de del y en que un una por con para es se no su sus al lo como más fue ha han pero o este esta entre sobre también muy hay",
	whatlanggo.Ita: "il lo la i gli le l di del della dei delle e è in che un una per con non si sono ha hanno da dal alla al nel nella come anche più ma questo questa sul",
	whatlanggo.Por: "o a os as de do da dos das e em no na nos nas que um uma para com não por se é foi ao à pelo pela mais como mas também seu sua ou",
	whatlanggo.Nld: "de het een en van in is dat op te zijn voor met niet die aan er door om ook als bij maar naar uit wordt werd heeft hebben dit deze of",
	whatlanggo.Pol: "i w we z ze na do nie się że to jest są o od po za dla przez jak ale oraz który która które tym tak był była było już jego jej ich",
	whatlanggo.Swe: "och i att det som en ett på är av för med till den har inte om de var från men vid sig han hon också efter kommer kan ska när",
	whatlanggo.Dan: "og i at det som en et på er af for med til den har ikke om de var fra men ved sig han hun også efter kan skal når blev bliver",
	whatlanggo.Nob: "og i at det som en et på er av for med til den har ikke om de var fra men ved seg han hun også etter kan skal når ble blir",
	whatlanggo.Fin: "ja on ei se että oli ovat mutta kun tai myös hän ne niin jo kuin joka jotka sen mukaan vain olla ole",
	whatlanggo.Ron: "și de la în a cu pe nu din pentru care este sunt o un ce mai au fost să se ca dar sau lui ei acest",
	whatlanggo.Ces: "a v ve na se je z že to do o s by k jako ale pro od po jsou byl byla bylo který která které také už jeho při",
	whatlanggo.Hun: "a az és hogy nem is egy van volt de meg már csak még mint vagy ez azt ami aki után szerint között",
	whatlanggo.Tur: "ve bir bu da de için ile olarak çok daha gibi en ama o ne kadar sonra olan değil var yok",
	whatlanggo.Ind: "yang dan di ke dari ini itu untuk dengan tidak akan pada adalah dalam juga oleh sebagai telah ada atau karena bisa",
}

// wordLangs maps each function word to the languages that use it.
var wordLangs = func() map[string][]whatlanggo.Lang {
	m := map[string][]whatlanggo.Lang{}
	for lang, words := range functionWords {
		for _, w := range strings.Fields(words) {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// shortTextLang names the language of a text too short for the trigram
// detector to be sure of (a sentence or two), or "". It answers only when
// two signals agree: the language whose function words the text uses
// most, at least two of them and more than any other language's, and the
// trigram detector's first choice among the languages whose function
// words the text uses. "Le conseil municipal a voté mardi un plan pour la
// gare." is French by both (the detector alone is 0.70 sure, under its
// 0.8 bar); "Rada miasta przyjęła plan." has one Polish word and stays
// unknown.
func shortTextLang(s string) string {
	hits := map[whatlanggo.Lang]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r)
	}) {
		for _, lang := range wordLangs[w] {
			hits[lang]++
		}
	}
	best, bestN, tied := whatlanggo.Lang(-1), 0, false
	for lang, n := range hits {
		switch {
		case n > bestN:
			best, bestN, tied = lang, n, false
		case n == bestN:
			tied = true
		}
	}
	if bestN < 2 || tied {
		return ""
	}
	allowed := make(map[whatlanggo.Lang]bool, len(hits))
	for lang := range hits {
		allowed[lang] = true
	}
	if info := whatlanggo.DetectWithOptions(s, whatlanggo.Options{Whitelist: allowed}); info.Lang != best {
		return ""
	}
	return best.Iso6391()
}
