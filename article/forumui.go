package article

import (
	"regexp"
	"strings"
)

// ruleForumUI removes the furniture a forum prints around each post: the
// poster's counters ("1,204 posts · Joined 2019", "Posts: 52 Threads: 3
// Joined: Feb 2020 Reputation: 7") and labels ("Thread starter",
// "Offline", "Code: Select all", "Themenstarter", "Hors ligne"; after a
// poster's name, "jwood Discussion Starter", the name stays), and a
// question-and-answer site's prompts ("Ask question", "Explore related
// questions", "Ähnliche Fragen"). A listener hearing a thread hears who
// wrote, when, and what, not the board's buttons. Each is a line of its
// own: a sentence that mentions a post is text. A reply's subject ("Re: …") and "Last edited by …
// (date)" stay: they say who wrote and when, and the references of
// WCXB's threads keep them.
var ruleForumUI = LineRule("forum-ui",
	"removes a forum's labels and counters around each post, in many languages (`Thread starter`, `1,204 posts · Joined 2019`, `Themenstarter`, `Hors ligne`)",
	func(s string) string {
		if len(s) > 160 {
			return s
		}
		t := strings.TrimSpace(s)
		if strings.ContainsFunc(t, isDigit) {
			// Of the labels, only counters have figures.
			if posterStats.MatchString(t) {
				return ""
			}
		} else if forumLabel.MatchString(t) || qaPrompt.MatchString(t) {
			return ""
		}
		if m := starterAfterName.FindStringSubmatch(t); m != nil {
			return m[1] // "jwood Discussion Starter": the name is read
		}
		return s
	})

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

var (
	// forumLabel is a whole line that is a forum's label.
	forumLabel = regexp.MustCompile(`(?i)^(?:` +
		`thread starter|discussion starter|topic starter|original poster|similar threads|similar topics|code:\s*select all|select all|offline|online|premium member|registered user|new member|junior member|senior member|original post|view profile|send private message|report post|quote this post` +
		`|themenstarter|themenersteller|thread-starter|ähnliche themen|beitrag melden|zitieren` +
		`|auteur du sujet|sujets similaires|hors ligne|en ligne|signaler ce message` +
		`|autor del tema|temas similares|desconectado|conectado|reportar mensaje` +
		`|autore del topic|autore della discussione|discussioni simili|non in linea|in linea|segnala messaggio` +
		`)\s*:?$`)
	// qaPrompt is a question-and-answer site's prompt to ask or browse.
	qaPrompt = regexp.MustCompile(`(?i)^(?:ask (?:a )?question|ask your own question|start asking to get answers|find the answer to your question by asking|explore related questions|related questions|see similar questions with these tags|you must (?:log in|sign in|be logged in) to (?:answer|post|reply)(?: to)? this (?:question|topic)|not the answer you're looking for\?.{0,80}` +
		`|frage stellen|eine frage stellen|ähnliche fragen|poser une question|questions similaires|hacer una pregunta|preguntas relacionadas|fai una domanda|domande correlate)[.!]?$`)
	// starterAfterName is a poster's name with the label that says they
	// started the thread.
	starterAfterName = regexp.MustCompile(`(?i)^(\S+(?: \S+){0,2}?)\s*[·•|–-]?\s+(?:thread starter|discussion starter|topic starter|original poster|themenstarter|themenersteller|auteur du sujet|autor del tema|autore del topic|autore della discussione)$`)
	// posterStats is a line made only of a poster's counters and the
	// date they joined.
	posterStats = regexp.MustCompile(`(?i)^[·•|\s]*(?:(?:` +
		`\[?\s*[\d.,]+\s*k?\s*\]?\s+(?:posts?|threads?|topics?|replies|answers?|votes?|views|likes|thanks|messages?|beiträge|themen|antworten|nachrichten|réponses|sujets|mensajes|respuestas|temas|messaggi|risposte|discussioni)` +
		`|(?:posts?|threads?|topics?|replies|answers|views|messages?|reputation|reaction score|points|likes|solutions|beiträge|themen|punkte|antworten|réponses|sujets|mensajes|respuestas|messaggi|risposte)\s*:?\s*[\d.,]+\s*k?` +
		`|(?:joined|member since|registered|registriert(?: seit)?|mitglied seit|dabei seit|inscrit(?: le| depuis)?|inscription|registrado|se unió|iscritto(?: il| dal)?|iscrizione)\s*:?\s*[\p{L}\d.,/ ]{2,20}?` +
		`)(?:\s*[·•|,;]\s*|\s+|$))+$`)
)
